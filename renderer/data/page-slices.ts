import type { Comment, Ticket } from '../../shared/index';

/**
 * One ticket, or one ticket's comments, parsed out of a page's JSON text (page-body.ts)
 * without parsing the rest of it: opening a ticket parses a few KB instead of the page's
 * few MB (and leaves that much less garbage). It relies on the text being JSON.stringify of
 * objects checked by the shared schemas, whose first keys are `id` (then `ticketId` for a
 * comment): in JSON text a quote inside a string is escaped, so `{"id":"…"` and
 * `"ticketId":"…"` occur only where an object starts. Anything unexpected answers null,
 * and the caller parses the whole page instead.
 */

const COMMENTS_KEY = '"comments":[';
const DELETES_KEY = '"commentDeletes":[';

/** The ticket of this id in a page's text (asked of the page that holds it); null: parse the page. */
export function ticketInPage(text: string, id: string): Ticket | null {
  const comments = text.lastIndexOf(COMMENTS_KEY);
  const start = text.indexOf(`{"id":${JSON.stringify(id)},`);
  if (start < 0 || comments < start) return null;
  const ticket = parseObjectAt(text, start) as Ticket | null;
  return ticket?.id === id ? ticket : null;
}

/**
 * The comments of a ticket in a page's text and the comment ids the page deletes (any
 * ticket's: the text does not say whose); null: parse the page.
 */
export function commentsInPage(
  text: string,
  ticketId: string,
): { comments: Comment[]; deletes: string[] } | null {
  const section = text.lastIndexOf(COMMENTS_KEY);
  const deletesAt = text.lastIndexOf(DELETES_KEY);
  if (section < 0 || deletesAt < section) return null;
  let deletes: string[];
  try {
    deletes = JSON.parse(text.slice(deletesAt + DELETES_KEY.length - 1, text.length - 1)) as string[];
  } catch {
    return null;
  }
  const key = `,"ticketId":${JSON.stringify(ticketId)},`;
  const comments: Comment[] = [];
  for (
    let at = text.indexOf(key, section);
    at >= 0 && at < deletesAt;
    at = text.indexOf(key, at + key.length)
  ) {
    const start = text.lastIndexOf('{"id":"', at);
    if (start < section) return null;
    const comment = parseObjectAt(text, start) as Comment | null;
    if (comment?.ticketId !== ticketId) return null;
    comments.push(comment);
  }
  return { comments, deletes };
}

/** The JSON object that starts at `start`, parsed; null when it does not end (not the text expected). */
function parseObjectAt(text: string, start: number): unknown {
  const end = objectEnd(text, start);
  if (end < 0) return null;
  try {
    return JSON.parse(text.slice(start, end));
  } catch {
    return null;
  }
}

/** The index just past the object starting at `start` (a `{`), or -1. */
export function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth += 1;
    else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
