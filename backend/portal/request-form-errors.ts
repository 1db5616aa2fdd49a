import type { z } from 'zod';
import { LIMITS } from '../../shared/index';
import type { Lang } from './html';

/** The portal form's fields, in the order the form shows them. */
export const REQUEST_FORM_FIELDS = [
  'name',
  'email',
  'phone',
  'category',
  'title',
  'description',
  'impact',
  'urgency',
] as const;
export type RequestFormField = (typeof REQUEST_FORM_FIELDS)[number];

// One sentence per field, saying what to do: a requester cannot act on a schema's words
// ("impact: Invalid input: expected number, received NaN").
const MESSAGES: Record<Lang, Record<RequestFormField, string>> = {
  es: {
    name: `Su nombre: escríbalo (hasta ${LIMITS.nameMax} caracteres).`,
    email: 'Correo electrónico: escriba una dirección válida, por ejemplo nombre@empresa.es.',
    phone: `Teléfono: use como mucho ${LIMITS.phoneMax} caracteres, o déjelo en blanco.`,
    category: 'Tipo de problema: elija uno de la lista.',
    title: `Resumen del problema: escriba una línea (hasta ${LIMITS.titleMax} caracteres).`,
    description: 'Descripción: cuéntenos qué pasa.',
    impact: '¿A cuántas personas afecta?: elija una de las respuestas.',
    urgency: '¿Cuánto le impide trabajar?: elija una de las respuestas.',
  },
  en: {
    name: `Your name: please fill it in (up to ${LIMITS.nameMax} characters).`,
    email: 'Email: please enter a valid address, e.g. name@company.com.',
    phone: `Phone: use at most ${LIMITS.phoneMax} characters, or leave it blank.`,
    category: 'Kind of problem: please choose one from the list.',
    title: `Summary of the problem: please write one line (up to ${LIMITS.titleMax} characters).`,
    description: 'Description: please tell us what is wrong.',
    impact: 'How many people are affected?: please choose one of the answers.',
    urgency: 'How much does it block your work?: please choose one of the answers.',
  },
};

const isField = (key: unknown): key is RequestFormField =>
  (REQUEST_FORM_FIELDS as readonly unknown[]).includes(key);

/** The fields a failed parse of the form names, in the form's order, each once. */
export function fieldsWithIssues(error: z.ZodError): RequestFormField[] {
  const named = new Set(error.issues.map((issue) => issue.path[0]).filter(isField));
  // An issue on the whole body (not an object at all) leaves every field to fill in.
  if (named.size === 0) return REQUEST_FORM_FIELDS.filter((f) => f !== 'phone');
  return REQUEST_FORM_FIELDS.filter((field) => named.has(field));
}

/** What the requester reads above the form, in their language. */
export const fieldMessages = (lang: Lang, fields: readonly RequestFormField[]): string[] =>
  fields.map((field) => MESSAGES[lang][field]);
