import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TicketHead } from '../../data/db';
import { commentsOfTicket, ticketById } from '../../data/ticket-queries';
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
 * matched, a comment). The row holds the ticket's head: its description and comments are
 * read from the cache for the rows on screen only.
 */
export function SearchSnippet({ ticket, prefixes }: { ticket: TicketHead; prefixes: readonly string[] }) {
  const { t } = useTranslation();
  const title = markMatches(ticket.title, prefixes);
  const inRequester = snippetOf(`${ticket.requester.name} <${ticket.requester.email}>`, prefixes);
  const found = useLiveQuery(async () => {
    const inDescription = snippetOf((await ticketById(ticket.id))?.description ?? '', prefixes);
    if (inDescription) return { parts: inDescription, inComment: false };
    // The title or the ticket's own fields already say why: no need to read its comments.
    if (inRequester || title) return null;
    for (const comment of (await commentsOfTicket(ticket.id)).reverse()) {
      const parts = snippetOf(comment.body, prefixes);
      if (parts) return { parts, inComment: true };
    }
    return null;
  }, [ticket.id, inRequester === null && title === null, prefixes]);
  // A comment is looked at only when the requester did not match: `found` goes first.
  const excerpt = found?.parts ?? inRequester;
  const inComment = found?.inComment === true;
  return (
    <span className="search-snippet">
      <span className="row-title">{title ? <MarkedText parts={title} /> : ticket.title}</span>
      {excerpt ? (
        <span className="row-snippet muted" data-testid="search-snippet">
          {inComment ? <span className="visually-hidden">{t('search.inComment')} </span> : null}
          <MarkedText parts={excerpt} />
        </span>
      ) : null}
    </span>
  );
}
