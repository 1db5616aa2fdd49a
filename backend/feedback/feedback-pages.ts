import type { Ticket } from '../../shared/index';
import { html, page, type Lang, type SafeHtml } from '../portal/html';

const TEXT = {
  es: {
    title: '¿Qué tal lo hicimos?',
    intro: 'Su solicitud',
    resolved: 'está resuelta. Valore la atención recibida:',
    ratings: { 1: '1 — Muy mal', 2: '2 — Mal', 3: '3 — Regular', 4: '4 — Bien', 5: '5 — Muy bien' },
    comment: 'Comentario (opcional)',
    submit: 'Enviar valoración',
    ratingMissing: 'Elija una valoración, de 1 (muy mal) a 5 (muy bien), y vuelva a enviar.',
    thanks: '¡Gracias por su valoración!',
    used: 'Ya recibimos su valoración para esta solicitud. ¡Gracias!',
    invalid: 'Este enlace no es válido.',
    expired: 'Este enlace ha caducado.',
    notYet: 'Esta solicitud aún no está resuelta; podrá valorarla cuando lo esté.',
  },
  en: {
    title: 'How did we do?',
    intro: 'Your request',
    resolved: 'has been resolved. Please rate the help you got:',
    ratings: { 1: '1 — Very poor', 2: '2 — Poor', 3: '3 — Fair', 4: '4 — Good', 5: '5 — Very good' },
    comment: 'Comment (optional)',
    submit: 'Send rating',
    ratingMissing: 'Please choose a rating, from 1 (very poor) to 5 (very good), and send again.',
    thanks: 'Thank you for your feedback!',
    used: 'We already have your feedback for this request. Thank you!',
    invalid: 'This link is not valid.',
    expired: 'This link has expired.',
    notYet: 'This request is not resolved yet; you can rate it once it is.',
  },
} as const;

export type FeedbackNotice = 'thanks' | 'used' | 'invalid' | 'expired' | 'notYet';

/** A refused post shows the form again, saying what is missing and keeping the comment typed. */
export interface FeedbackRetry {
  comment?: string;
}

export function feedbackFormPage(lang: Lang, token: string, ticket: Ticket, retry?: FeedbackRetry): SafeHtml {
  const t = TEXT[lang];
  return page(
    lang,
    t.title,
    html`<h1>${t.title}</h1>
      <p>${t.intro} <strong>${ticket.number ?? ''}</strong> «${ticket.title}» ${t.resolved}</p>
      ${retry ? html`<div class="errors" role="alert">${t.ratingMissing}</div>` : ''}
      <form method="post" action="/feedback/${token}?lang=${lang}" accept-charset="utf-8">
        <fieldset class="rating">
          <legend>${t.title}</legend>
          ${([1, 2, 3, 4, 5] as const).map(
            (n) =>
              html`<label><input type="radio" name="rating" value="${n}" required />${t.ratings[n]}</label>`,
          )}
        </fieldset>
        <label
          >${t.comment}<textarea name="comment" maxlength="2000">${retry?.comment ?? ''}</textarea>
        </label>
        <button type="submit">${t.submit}</button>
      </form>`,
  );
}

export function feedbackNoticePage(lang: Lang, notice: FeedbackNotice): SafeHtml {
  const t = TEXT[lang];
  return page(
    lang,
    t.title,
    html`<h1>${t.title}</h1>
      <p>${t[notice]}</p>`,
  );
}
