import { randomBytes } from 'node:crypto';

/** A one-pixel PNG: an image a requester might attach. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export interface RawMailOptions {
  from: string;
  to?: string;
  subject: string;
  text?: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
  png?: Buffer;
}

const wrap = (base64: string) => base64.replace(/.{76}/g, '$&\r\n');

/** A MIME message as a mail program would deliver it (CRLF lines, base64 parts). */
export function rawMail(o: RawMailOptions): string {
  const boundary = `b_${randomBytes(6).toString('hex')}`;
  const head = [
    `From: ${o.from}`,
    `To: ${o.to ?? 'Soporte <soporte@mesa.example>'}`,
    `Subject: ${o.subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${o.messageId ?? `<${randomBytes(8).toString('hex')}@requester.example>`}`,
    ...(o.inReplyTo ? [`In-Reply-To: ${o.inReplyTo}`] : []),
    ...(o.references ? [`References: ${o.references}`] : []),
    ...Object.entries(o.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
  ];
  const textPart = o.html
    ? [
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        wrap(Buffer.from(o.html).toString('base64')),
      ]
    : [
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        wrap(Buffer.from(o.text ?? '').toString('base64')),
      ];
  if (!o.png) return [...head, ...textPart, ''].join('\r\n');
  return [
    ...head,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    ...textPart,
    `--${boundary}`,
    'Content-Type: image/png; name="pantalla.png"',
    'Content-Disposition: attachment; filename="pantalla.png"',
    'Content-Transfer-Encoding: base64',
    '',
    wrap(o.png.toString('base64')),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
