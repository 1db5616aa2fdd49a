import type { Category } from '../../shared/index';
import { html, page, type Lang, type SafeHtml } from './html';

const TEXT = {
  es: {
    title: 'Mesa de ayuda — Informar de un problema',
    intro: 'Cuéntenos qué pasa. Le responderemos por correo electrónico.',
    name: 'Su nombre',
    email: 'Correo electrónico',
    phone: 'Teléfono (opcional)',
    summary: 'Resumen del problema',
    summaryHint: 'Una línea, por ejemplo: «La impresora de la 2.ª planta no imprime».',
    description: 'Descripción',
    descriptionHint: 'Qué pasa, desde cuándo, qué mensaje de error ve.',
    category: 'Tipo de problema',
    impact: '¿A cuántas personas afecta?',
    impacts: {
      3: 'Solo a mí',
      2: 'A mi equipo o a varias personas',
      1: 'A toda la empresa o a un servicio crítico',
    },
    urgency: '¿Cuánto le impide trabajar?',
    urgencies: {
      3: 'Puedo trabajar con normalidad',
      2: 'Puedo trabajar, con dificultad',
      1: 'No puedo trabajar',
    },
    submit: 'Enviar',
    errors: 'Revise estos campos:',
    thanks: 'Gracias. Hemos recibido su solicitud',
    thanksBody: 'Le escribiremos a',
    another: 'Informar de otro problema',
  },
  en: {
    title: 'Help desk — Report a problem',
    intro: 'Tell us what is wrong. We will answer by email.',
    name: 'Your name',
    email: 'Email',
    phone: 'Phone (optional)',
    summary: 'Summary of the problem',
    summaryHint: 'One line, e.g. "The 2nd-floor printer does not print".',
    description: 'Description',
    descriptionHint: 'What happens, since when, which error message you see.',
    category: 'Kind of problem',
    impact: 'How many people are affected?',
    impacts: { 3: 'Only me', 2: 'My team or several people', 1: 'The whole company or a critical service' },
    urgency: 'How much does it block your work?',
    urgencies: { 3: 'I can work normally', 2: 'I can work, with difficulty', 1: 'I cannot work at all' },
    submit: 'Send',
    errors: 'Please check these fields:',
    thanks: 'Thank you. We have received your request',
    thanksBody: 'We will write to',
    another: 'Report another problem',
  },
} as const;

export type FormValues = Partial<
  Record<'name' | 'email' | 'phone' | 'title' | 'description' | 'category' | 'impact' | 'urgency', string>
>;

function radios(
  name: 'impact' | 'urgency',
  labels: Record<1 | 2 | 3, string>,
  checked: string | undefined,
): SafeHtml {
  return html`${([3, 2, 1] as const).map(
    (level) =>
      html`<label
        ><input
          type="radio"
          name="${name}"
          value="${level}"
          required
          ${String(level) === checked ? html`checked` : ''}
        />${labels[level]}</label
      >`,
  )}`;
}

export function requestFormPage(
  lang: Lang,
  categories: Category[],
  values: FormValues = {},
  errors: string[] = [],
): SafeHtml {
  const t = TEXT[lang];
  return page(
    lang,
    t.title,
    html`<h1>${t.title}</h1>
      <p>${t.intro}</p>
      ${
        errors.length
          ? html`<div class="errors" role="alert">
              <p>${t.errors}</p>
              <ul>
                ${errors.map((e) => html`<li>${e}</li>`)}
              </ul>
            </div>`
          : ''
      }
      <form method="post" action="/api/v1/requests?lang=${lang}" accept-charset="utf-8">
        <label
          >${t.name}<input
            name="name"
            required
            maxlength="120"
            autocomplete="name"
            value="${values.name ?? ''}"
        /></label>
        <label
          >${t.email}<input
            name="email"
            type="email"
            required
            maxlength="254"
            autocomplete="email"
            value="${values.email ?? ''}"
        /></label>
        <label
          >${t.phone}<input
            name="phone"
            type="tel"
            maxlength="40"
            autocomplete="tel"
            value="${values.phone ?? ''}"
        /></label>
        <label
          >${t.category}<select name="category" required>
            ${categories.map(
              (c) =>
                html`<option value="${c.id}" ${c.id === values.category ? html`selected` : ''}>
                  ${c.name[lang]}
                </option>`,
            )}
          </select></label
        >
        <label
          >${t.summary} <span class="hint">${t.summaryHint}</span
          ><input name="title" required maxlength="200" value="${values.title ?? ''}"
        /></label>
        <label
          >${t.description} <span class="hint">${t.descriptionHint}</span
          ><textarea name="description" required maxlength="100000">${values.description ?? ''}</textarea>
        </label>
        <fieldset>
          <legend>${t.impact}</legend>
          ${radios('impact', t.impacts, values.impact)}
        </fieldset>
        <fieldset>
          <legend>${t.urgency}</legend>
          ${radios('urgency', t.urgencies, values.urgency)}
        </fieldset>
        <button type="submit">${t.submit}</button>
      </form>`,
  );
}

export function requestReceivedPage(lang: Lang, number: string, email: string): SafeHtml {
  const t = TEXT[lang];
  return page(
    lang,
    t.title,
    html`<h1>${t.thanks} ${number}.</h1>
      <p>${t.thanksBody} ${email}.</p>
      <p><a href="/?lang=${lang}">${t.another}</a></p>`,
  );
}
