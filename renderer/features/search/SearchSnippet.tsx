import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { CachedTicket } from '../../data/db';
import { commentsOfTicket } from '../../data/ticket-queries';
import { markMatches, snippetOf, type SnippetPart } from './snippet';
import './search.css';

/** Matched words marked; React renders every part as text, so a ticket's markup stays inert. */
export function MarkedText({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.hit ? (
          <mark key={index} className="search-hit">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/**
 * Why a search result matched: its title with the matched words marked, and under it the
 * first other place they occur (description, requester; else, when not even the title
 * matched, a comment, which only rows on screen read from the cache).
 */
export function SearchSnippet({ ticket, prefixes }: { ticket: CachedTicket; prefixes: readonly string[] }) {
  const { t } = useTranslation();
  const title = markMatches(ticket.title, prefixes);
  const inTicket =
    snippetOf(ticket.description, prefixes) ??
    snippetOf(`${ticket.requester.name} <${ticket.requester.email}>`, prefixes);
  const inComment = useLiveQuery(async () => {
    // The title or the ticket's own fields already say why: no need to read its comments.
    if (inTicket || title) return null;
    for (const comment of (await commentsOfTicket(ticket.id)).reverse()) {
      const parts = snippetOf(comment.body, prefixes);
      if (parts) return parts;
    }
    return null;
  }, [ticket.id, inTicket === null && title === null, prefixes]);
  const excerpt = inTicket ?? inComment ?? null;
  return (
    <span className="search-snippet">
      <span className="row-title">{title ? <MarkedText parts={title} /> : ticket.title}</span>
      {excerpt ? (
        <span className="row-snippet muted" data-testid="search-snippet">
          {inComment && !inTicket ? <span className="visually-hidden">{t('search.inComment')} </span> : null}
          <MarkedText parts={excerpt} />
        </span>
      ) : null}
    </span>
  );
}
