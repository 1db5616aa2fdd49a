import type { Ticket } from '../../shared/index';
import { html, type Lang, type SafeHtml } from '../portal/html';
import { headerText } from './header-safety';
import { MAIL_TEXTS } from './mail-i18n';

export type RequesterMailKind = 'acknowledgement' | 'public_reply' | 'pending' | 'resolved';

export interface MailFacts {
  kind: RequesterMailKind;
  ticket: Pick<Ticket, 'number' | 'title' | 'requester' | 'pendingReason' | 'resolutionNote'>;
  lang: Lang;
  /** The requester's page for this ticket. */
  pageLink: string;
  /** The agent's public reply, for public_reply. */
  replyBody?: string;
  /** The signed feedback link, for resolved. */
  feedbackLink?: string;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

type Block = { text: string; quote?: boolean } | { label: string; link: string };

/** What the requester reads: the same blocks as plain text and as simple, escaped HTML. */
export function composeMail(facts: MailFacts): MailContent {
  const t = MAIL_TEXTS[facts.lang];
  const number = facts.ticket.number ?? '';
  const blocks = bodyBlocks(facts);
  const all: Block[] = [
    { text: t.greeting(headerText(facts.ticket.requester.name)) },
    ...blocks,
    { label: t.followLink, link: facts.pageLink },
    { text: t.replyHint },
    { text: t.signature },
  ];
  const subjectLine = {
    acknowledgement: t.ackSubject,
    public_reply: t.replySubject,
    pending: t.pendingSubject,
    resolved: t.resolvedSubject,
  }[facts.kind];
  return {
    subject: headerText(`[${number}] ${subjectLine}: ${facts.ticket.title}`, 300),
    text: all.map(asText).join('\n\n') + '\n',
    html: asHtml(facts.lang, all).value,
  };
}

function bodyBlocks(facts: MailFacts): Block[] {
  const t = MAIL_TEXTS[facts.lang];
  const number = facts.ticket.number ?? '';
  switch (facts.kind) {
    case 'acknowledgement':
      return [{ text: t.ackBody(number, facts.ticket.title) }];
    case 'public_reply':
      return [{ text: t.replyBody(number) }, { text: facts.replyBody ?? '', quote: true }];
    case 'pending':
      return [{ text: t.pendingBody(number) }, { text: facts.ticket.pendingReason ?? '', quote: true }];
    case 'resolved':
      return [
        { text: t.resolvedBody(number, facts.ticket.title) },
        ...(facts.ticket.resolutionNote
          ? [{ text: `${t.resolutionLabel} ${facts.ticket.resolutionNote}` } satisfies Block]
          : []),
        ...(facts.feedbackLink ? [{ label: t.feedbackAsk, link: facts.feedbackLink } satisfies Block] : []),
      ];
  }
}

const asText = (block: Block): string =>
  'link' in block ? `${block.label}\n${block.link}` : block.quote ? indent(block.text) : block.text;

const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

function asHtml(lang: Lang, blocks: Block[]): SafeHtml {
  const parts = blocks.map((block) =>
    'link' in block
      ? html`<p>${block.label}<br /><a href="${block.link}">${block.link}</a></p>`
      : block.quote
        ? html`<blockquote style="white-space:pre-wrap;border-left:3px solid #ccd;margin:0;padding-left:1em">
            ${block.text}
          </blockquote>`
        : html`<p style="white-space:pre-wrap">${block.text}</p>`,
  );
  return html`<!doctype html>
    <html lang="${lang}">
      <body style="font-family:sans-serif">
        ${parts}
      </body>
    </html>`;
}
