import { describe, expect, it } from 'vitest';
import { mergePageBodies, pageBodyOf, pageRowOf } from './page-body';
import { groupPageChanges } from './page-changes';
import { commentsInPage, ticketInPage } from './page-slices';
import { makeComment, makeTicket } from './testing/make-ticket';
import { upsertChange, deleteChange } from './testing/pulled-changes';

/** Text that looks like the page's own structure, inside strings. */
const tricky = (id: string) => `Pegado: {"id":"${id}","ticketId":"${id}"} \\" } ] \\\\ {`;

describe('a ticket and its comments out of a page’s text', () => {
  it('gives what parsing the whole page gives, whatever the texts hold', () => {
    const a = makeTicket({ title: 'Impresora' });
    const b = makeTicket({ title: 'VPN' });
    a.description = tricky(b.id);
    const onA = [makeComment(a.id, tricky(a.id)), makeComment(a.id, 'Segundo')];
    const onB = makeComment(b.id, tricky(a.id));
    const body = pageBodyOf(
      groupPageChanges([
        upsertChange('ticket', a),
        upsertChange('ticket', b),
        upsertChange('comment', onA[0]!),
        upsertChange('comment', onB),
        upsertChange('comment', onA[1]!),
      ]),
      new Map(),
    );
    const { text } = pageRowOf(body);

    expect(ticketInPage(text, a.id)).toEqual(a);
    expect(ticketInPage(text, b.id)).toEqual(b);
    expect(commentsInPage(text, a.id)).toEqual({ comments: onA, deletes: [] });
    expect(commentsInPage(text, b.id)).toEqual({ comments: [onB], deletes: [] });
  });

  it('hands the page’s comment deletes over, and says when the text is not a page', () => {
    const ticket = makeTicket();
    const kept = makeComment(ticket.id, 'Sigue');
    const gone = makeComment(ticket.id, 'Borrado');
    const body = mergePageBodies([
      pageBodyOf(
        groupPageChanges([upsertChange('ticket', ticket), upsertChange('comment', gone)]),
        new Map(),
      ),
      pageBodyOf(
        groupPageChanges([upsertChange('comment', kept), deleteChange('comment', gone.id)]),
        new Map(),
      ),
    ]);
    expect(commentsInPage(pageRowOf(body).text, ticket.id)).toEqual({ comments: [kept], deletes: [gone.id] });
    expect(ticketInPage('{"tickets":[]}', ticket.id)).toBeNull();
    expect(commentsInPage('[]', ticket.id)).toBeNull();
  });
});
