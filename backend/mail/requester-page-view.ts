import type { Attachment, Comment, Ticket, TicketStatus } from '../../shared/index';
import { html, page, SafeHtml, type Lang } from '../portal/html';

const STATUS: Record<Lang, Record<TicketStatus, string>> = {
  es: {
    new: 'Recibida: pronto la revisará alguien del equipo',
    assigned: 'Asignada a un técnico',
    in_progress: 'En curso: estamos trabajando en ella',
    pending: 'En espera de su respuesta',
    resolved: 'Resuelta',
    closed: 'Cerrada',
    cancelled: 'Cancelada',
  },
  en: {
    new: 'Received: someone on the team will look at it soon',
    assigned: 'Assigned to a technician',
    in_progress: 'In progress: we are working on it',
    pending: 'Waiting for your answer',
    resolved: 'Resolved',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
};

const TEXT = {
  es: {
    title: 'Su solicitud',
    status: 'Estado:',
    conversation: 'Conversación',
    you: 'Usted',
    team: 'Equipo de soporte',
    files: 'Archivos',
    reply: 'Responder',
    replyHint: 'Su respuesta llega al equipo igual que si respondiera al correo.',
    send: 'Enviar respuesta',
    sent: 'Hemos recibido su respuesta. Gracias.',
    empty: 'Escriba su respuesta antes de enviarla.',
    closed: 'Esta solicitud está cerrada; si el problema sigue, abra una nueva desde el portal.',
    invalid: 'Este enlace no es válido o ya no está activo.',
  },
  en: {
    title: 'Your request',
    status: 'Status:',
    conversation: 'Conversation',
    you: 'You',
    team: 'Service desk',
    files: 'Files',
    reply: 'Reply',
    replyHint: 'Your answer reaches the team just as if you replied to the email.',
    send: 'Send reply',
    sent: 'We have received your reply. Thank you.',
    empty: 'Write your answer before sending it.',
    closed: 'This request is closed; if the problem is still there, open a new one from the portal.',
    invalid: 'This link is not valid or no longer active.',
  },
} as const;

export type PageNotice = 'sent' | 'empty';

export interface PageView {
  token: string;
  ticket: Ticket;
  /** Public comments only, oldest first. */
  comments: Comment[];
  /** Files the requester may see: their own and those on public comments. */
  attachments: Attachment[];
}

const lines = (text: string): SafeHtml =>
  new SafeHtml(
    text
      .split('\n')
      .map((line) => html`${line}`.value)
      .join('<br />'),
  );

export function requesterPage(lang: Lang, view: PageView, notice?: PageNotice): SafeHtml {
  const t = TEXT[lang];
  const { ticket, token } = view;
  const open = ticket.status !== 'closed' && ticket.status !== 'cancelled';
  const filesOf = (commentId: string | null) => view.attachments.filter((a) => a.commentId === commentId);
  const fileList = (files: Attachment[]) =>
    files.length
      ? html`<ul>
          ${files.map((f) => html`<li><a href="/t/${token}/files/${f.sha256}">${f.fileName}</a></li>`)}
        </ul>`
      : '';
  return page(
    lang,
    `${ticket.number ?? ''} · ${t.title}`,
    html`<h1>${ticket.number ?? ''} · ${ticket.title}</h1>
      <p><strong>${t.status}</strong> ${STATUS[lang][ticket.status]}</p>
      ${notice ? html`<div class="${notice === 'empty' ? 'errors' : 'hint'}" role="status">${t[notice]}</div>` : ''}
      <h2>${t.conversation}</h2>
      <article>
        <h3>${t.you}</h3>
        <p>${lines(ticket.description)}</p>
        ${fileList(filesOf(null))}
      </article>
      ${view.comments.map(
        (c) =>
          html`<article>
            <h3>
              ${c.authorId === null ? t.you : t.team} ·
              <time datetime="${c.createdAt}">${c.createdAt.slice(0, 16).replace('T', ' ')}</time>
            </h3>
            <p>${lines(c.body)}</p>
            ${fileList(filesOf(c.id))}
          </article>`,
      )}
      ${
        open
          ? html`<form method="post" action="/t/${token}?lang=${lang}" accept-charset="utf-8">
              <label>${t.reply}<textarea name="body" maxlength="100000" required></textarea></label>
              <p class="hint">${t.replyHint}</p>
              <button type="submit">${t.send}</button>
            </form>`
          : html`<p>${t.closed}</p>`
      }`,
  );
}

export function invalidLinkPage(lang: Lang): SafeHtml {
  return page(
    lang,
    TEXT[lang].title,
    html`<h1>${TEXT[lang].title}</h1>
      <p>${TEXT[lang].invalid}</p>`,
  );
}
