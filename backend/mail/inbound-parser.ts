import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';

export interface InboundAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** What the backend needs from an inbound message, from mailparser's reading of its MIME. */
export interface InboundMail {
  /** The sender's Message-ID; a hash of the bytes when it has none, so a duplicate is still one message. */
  messageId: string;
  inReplyTo: string[];
  references: string[];
  subject: string;
  fromAddress: string | null;
  fromName: string;
  text: string;
  headers: {
    autoSubmitted?: string;
    precedence?: string;
    returnPath?: string;
    contentType?: string;
    contentLanguage?: string;
    autoResponseSuppress?: string;
    xAutoreply?: string;
  };
  attachments: InboundAttachment[];
  recipients: number;
}

const ids = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).map((id) => id.trim()).filter(Boolean);

/** A header as the sender wrote it (mailparser turns address headers into objects). */
function rawHeader(lines: ReadonlyArray<{ key: string; line: string }>, name: string): string | undefined {
  const line = lines.find((l) => l.key === name)?.line;
  return line === undefined
    ? undefined
    : line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim();
}

const countAddresses = (field: AddressObject | AddressObject[] | undefined): number =>
  (Array.isArray(field) ? field : field ? [field] : []).reduce((n, a) => n + a.value.length, 0);

export async function parseInbound(source: Buffer): Promise<InboundMail> {
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  const from = parsed.from?.value[0];
  const header = (name: string) => rawHeader(parsed.headerLines, name);
  return {
    messageId:
      parsed.messageId?.trim() ||
      `<sha256.${createHash('sha256').update(source).digest('hex')}@mesa.invalid>`,
    inReplyTo: ids(parsed.inReplyTo),
    references: ids(parsed.references),
    subject: parsed.subject ?? '',
    fromAddress: from?.address?.toLowerCase() || null,
    fromName: from?.name ?? '',
    // mailparser turns an HTML-only message into text; its markup is never kept.
    text: parsed.text ?? '',
    headers: {
      autoSubmitted: header('auto-submitted'),
      precedence: header('precedence'),
      returnPath: header('return-path'),
      contentType: header('content-type'),
      contentLanguage: header('content-language'),
      autoResponseSuppress: header('x-auto-response-suppress'),
      xAutoreply: header('x-autoreply') ?? header('x-autorespond'),
    },
    attachments: parsed.attachments
      .filter((a) => a.contentDisposition !== 'inline' || !a.related)
      .map((a) => ({
        fileName: a.filename ?? 'attachment',
        contentType: a.contentType,
        content: a.content,
      })),
    recipients: countAddresses(parsed.to) + countAddresses(parsed.cc),
  };
}
