import type { Lang } from '../portal/html';

/** What a requester reads in each mail, in their language; Spanish is written first, not translated. */
export interface MailTexts {
  greeting(name: string): string;
  signature: string;
  followLink: string;
  replyHint: string;
  ackSubject: string;
  ackBody(number: string, title: string): string;
  replySubject: string;
  replyBody(number: string): string;
  pendingSubject: string;
  pendingBody(number: string): string;
  resolvedSubject: string;
  resolvedBody(number: string, title: string): string;
  resolutionLabel: string;
  feedbackAsk: string;
}

const es: MailTexts = {
  greeting: (name) => `Hola, ${name}:`,
  signature: 'El equipo de soporte',
  followLink: 'Siga su solicitud y responda aquí:',
  replyHint: 'Puede responder directamente a este correo.',
  ackSubject: 'Hemos recibido su solicitud',
  ackBody: (number, title) =>
    `Hemos recibido su solicitud «${title}» y la hemos registrado con el número ${number}.`,
  replySubject: 'Nueva respuesta a su solicitud',
  replyBody: (number) => `El equipo de soporte ha respondido a su solicitud ${number}:`,
  pendingSubject: 'Necesitamos más información',
  pendingBody: (number) =>
    `Para seguir con su solicitud ${number} necesitamos que nos responda. Mientras tanto, la solicitud queda en espera:`,
  resolvedSubject: 'Su solicitud está resuelta',
  resolvedBody: (number, title) => `Hemos resuelto su solicitud ${number} «${title}».`,
  resolutionLabel: 'Resolución:',
  feedbackAsk: '¿Qué tal lo hicimos? Valore el servicio (1–5) aquí:',
};

const en: MailTexts = {
  greeting: (name) => `Hello ${name},`,
  signature: 'The service desk',
  followLink: 'Follow your request and reply here:',
  replyHint: 'You can reply to this email directly.',
  ackSubject: 'We have received your request',
  ackBody: (number, title) => `We have received your request "${title}" and logged it as ${number}.`,
  replySubject: 'New reply to your request',
  replyBody: (number) => `The service desk has replied to your request ${number}:`,
  pendingSubject: 'We need more information',
  pendingBody: (number) =>
    `To go on with your request ${number} we need your answer. Until then it is on hold:`,
  resolvedSubject: 'Your request is resolved',
  resolvedBody: (number, title) => `We have resolved your request ${number} "${title}".`,
  resolutionLabel: 'Resolution:',
  feedbackAsk: 'How did we do? Rate the service (1–5) here:',
};

export const MAIL_TEXTS: Record<Lang, MailTexts> = { es, en };

/** Spanish unless the requester is known to read English. */
export const mailLang = (value: string | null | undefined): Lang => (value === 'en' ? 'en' : 'es');
