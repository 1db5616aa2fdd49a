import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Markup that is already safe to send; everything else interpolated into `html` is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

type Interpolation = string | number | SafeHtml | null | undefined | false | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof SafeHtml) return value.value;
  return escapeHtml(String(value));
}

/** Tagged template: user text can only ever arrive escaped. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

export type Lang = 'es' | 'en';

/** Spanish or English from `?lang=` or Accept-Language (by q order), English otherwise. */
export function pickLang(request: FastifyRequest): Lang {
  const forced = (request.query as Record<string, unknown> | undefined)?.lang;
  if (forced === 'es' || forced === 'en') return forced;
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.lang === 'es' || entry.lang === 'en')
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.lang === 'es' ? 'es' : 'en';
}

export const PAGE_STYLE = `
body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1d2430;background:#f7f8fa}
h1{font-size:1.6rem}form{background:#fff;padding:1.5rem;border-radius:8px;box-shadow:0 1px 3px #0002}
label{display:block;margin-top:1rem;font-weight:600}input,select,textarea{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;margin-top:.25rem}
textarea{min-height:8rem}fieldset{margin-top:1rem;border:1px solid #ccd;border-radius:6px}fieldset label{font-weight:400;margin-top:.25rem}
fieldset input{width:auto;margin-right:.5rem}button{margin-top:1.5rem;padding:.6rem 1.4rem;font:inherit;background:#2456c5;color:#fff;border:0;border-radius:6px}
.errors{background:#fde8e8;border:1px solid #e0a0a0;padding:.75rem 1rem;border-radius:6px}.hint{color:#556;font-size:.9rem;font-weight:400}
.rating label{display:inline-block;margin-right:1rem}`;

// The stylesheet is inline, allowed by its hash: the CSP can then refuse every other
// inline style and all scripts. The element is built here, outside an html`` template,
// because a formatter re-indents markup inside those; the hash is of exactly the text served.
export const PAGE_STYLE_ELEMENT = new SafeHtml(`<style>${PAGE_STYLE}</style>`);
const STYLE_HASH = createHash('sha256').update(PAGE_STYLE).digest('base64');
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function page(lang: Lang, title: string, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${title}</title>
        ${PAGE_STYLE_ELEMENT}
      </head>
      <body>
        ${body}
      </body>
    </html>`;
}

export function sendPage(reply: FastifyReply, status: number, markup: SafeHtml): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .send(markup.value);
}
