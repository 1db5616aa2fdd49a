import { ATTACHMENT_CONTENT_TYPES, LIMITS } from '../../shared/index';

/**
 * What the console accepts before anything is stored: the same limits the backend checks
 * (shared LIMITS and ATTACHMENT_CONTENT_TYPES), so a file the server would refuse is
 * refused here at once, with a reason, instead of failing an upload hours later.
 * Problems carry codes and values; the UI translates them.
 */

export type AttachmentProblemCode = 'too_large' | 'too_many' | 'type_not_allowed' | 'empty';

export interface AttachmentProblem {
  code: AttachmentProblemCode;
  fileName: string;
  /** The limit broken: bytes for too_large, a count for too_many. */
  limit?: number;
  /** The offending content type, for type_not_allowed. */
  contentType?: string;
}

/** The part of a File the checks read; a File or a test double fits. */
export interface CandidateFile {
  name: string;
  size: number;
  type: string;
}

export interface AttachmentCheck<F extends CandidateFile> {
  accepted: Array<{ file: F; contentType: string; fileName: string }>;
  problems: AttachmentProblem[];
}

const ALLOWED = new Set<string>(ATTACHMENT_CONTENT_TYPES);

/**
 * The content type to store: what the browser says, lower-cased and without parameters;
 * an unknown type (the browser says '') travels as application/octet-stream.
 */
export function normalizeContentType(type: string): string {
  const bare = type.split(';')[0]!.trim().toLowerCase();
  return bare === '' ? 'application/octet-stream' : bare;
}

/**
 * A name the shared schema accepts: no path separators or control characters, at most
 * 255 characters, never blank. Pasted screenshots arrive as "image.png"; we name them by time.
 */
export function safeFileName(name: string, contentType: string, now: Date): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
  const cleaned = name.replace(/[/\\\u0000-\u001f]+/gu, '_').trim();
  const generic = cleaned === '' || /^image\.(png|jpe?g|gif|webp)$/i.test(cleaned);
  if (!generic) return truncateKeepingExtension(cleaned, LIMITS.fileNameMax);
  const extension = cleaned.includes('.')
    ? cleaned.slice(cleaned.lastIndexOf('.'))
    : extensionFor(contentType);
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `screenshot-${stamp}${extension}`;
}

function extensionFor(contentType: string): string {
  const known: Record<string, string> = {
    'image/png': '.png',
    'image/jpeg': '.jpg',
    'image/gif': '.gif',
    'image/webp': '.webp',
  };
  return known[contentType] ?? '';
}

function truncateKeepingExtension(name: string, max: number): string {
  if (name.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return name.slice(0, max - extension.length) + extension;
}

/**
 * Splits the files the agent dropped, pasted or picked into those to store and those
 * refused with a reason. `alreadyAttached` counts files already waiting on the same
 * comment, so the count limit holds across several drops.
 */
export function checkAttachments<F extends CandidateFile>(
  files: readonly F[],
  alreadyAttached: number,
  now: Date,
): AttachmentCheck<F> {
  const result: AttachmentCheck<F> = { accepted: [], problems: [] };
  for (const file of files) {
    const contentType = normalizeContentType(file.type);
    const fileName = safeFileName(file.name, contentType, now);
    if (file.size === 0) result.problems.push({ code: 'empty', fileName });
    else if (file.size > LIMITS.attachmentMaxBytes)
      result.problems.push({ code: 'too_large', fileName, limit: LIMITS.attachmentMaxBytes });
    else if (!ALLOWED.has(contentType))
      result.problems.push({ code: 'type_not_allowed', fileName, contentType });
    else if (alreadyAttached + result.accepted.length >= LIMITS.attachmentsPerComment)
      result.problems.push({ code: 'too_many', fileName, limit: LIMITS.attachmentsPerComment });
    else result.accepted.push({ file, contentType, fileName });
  }
  return result;
}

/** A byte limit as the agent reads it in a message ("25 MB"). */
export function limitText(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
