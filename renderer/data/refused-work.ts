import type { CommentVisibility, Requester } from '../../shared/index';
import type { RefusedFile, Rejection } from './db';

/**
 * What the agent made in a refused change, so the refused-changes panel can hand it back:
 * a reply's or a note's text, a new ticket's subject and description, an attachment's file.
 * Changes that carried nothing typed (an assignment, a status move) have none.
 */
export type RefusedWork =
  | { kind: 'reply'; visibility: CommentVisibility; text: string }
  | { kind: 'ticket'; title: string; text: string; requester: Requester | null }
  | { kind: 'file'; fileName: string; files: RefusedFile[] };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function refusedWorkOf(rejection: Pick<Rejection, 'type' | 'args' | 'files'>): RefusedWork | null {
  const args = (rejection.args ?? {}) as Record<string, unknown>;
  switch (rejection.type) {
    case 'comment.add': {
      const body = text(args.body);
      if (!body.trim()) return null;
      return {
        kind: 'reply',
        visibility: args.visibility === 'internal' ? 'internal' : 'public',
        text: body,
      };
    }
    case 'ticket.create': {
      const title = text(args.title);
      const description = text(args.description);
      if (!title.trim() && !description.trim()) return null;
      const requester =
        args.requester && typeof args.requester === 'object' ? (args.requester as Requester) : null;
      return { kind: 'ticket', title, text: description, requester };
    }
    case 'attachment.add':
      return rejection.files?.length
        ? { kind: 'file', fileName: text(args.fileName), files: rejection.files }
        : null;
    default:
      return null;
  }
}

/** The text a "Copy" puts on the clipboard: a new ticket's subject leads its description. */
export function copyableText(work: RefusedWork): string {
  if (work.kind === 'file') return work.fileName;
  if (work.kind === 'ticket') return work.text.trim() ? `${work.title}\n\n${work.text}` : work.title;
  return work.text;
}
