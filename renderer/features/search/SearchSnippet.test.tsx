import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDb } from '../../data/app-db';
import { toCachedTicket } from '../../data/cached-ticket';
import type { MesaDb } from '../../data/db';
import { queryPrefixes } from '../../data/search-words';
import { makeTicket, testUuid } from '../../data/testing/make-ticket';
import { freshDb } from '../../data/testing/test-db';
import { renderIn } from '../../testing/render-in';
import { SearchSnippet } from './SearchSnippet';

let db: MesaDb;

beforeEach(() => {
  db = freshDb();
  setDb(db);
});

afterEach(async () => {
  await db.delete();
});

const cached = (overrides: Parameters<typeof makeTicket>[0]) => {
  const ticket = makeTicket(overrides);
  return toCachedTicket(ticket, { server: ticket, pendingCount: 0, policy: null });
};

describe('SearchSnippet', () => {
  it('marks the matched words in the title', () => {
    renderIn(
      'es',
      <SearchSnippet
        ticket={cached({ title: 'La impresora de Recepción no imprime' })}
        prefixes={queryPrefixes('recepcion')}
      />,
    );
    expect(screen.getByText('Recepción', { selector: 'mark' })).toBeInTheDocument();
    expect(screen.queryByTestId('search-snippet')).toBeNull();
  });

  it('shows the comment that matched when nothing else did', async () => {
    const ticket = cached({ title: 'El portátil hace ruido', description: 'Al encenderlo.' });
    await db.comments.put({
      id: testUuid(),
      ticketId: ticket.id,
      authorId: null,
      authorName: 'Eva',
      body: 'Ahora además se oye un zumbido <b>fuerte</b>.',
      visibility: 'public',
      attachments: [],
      createdAt: '2025-03-03T10:00:00.000Z',
      writtenAt: null,
    } as never);
    renderIn('en', <SearchSnippet ticket={ticket} prefixes={queryPrefixes('zumbido')} />);
    const snippet = await screen.findByTestId('search-snippet');
    expect(snippet).toHaveTextContent('In a comment: Ahora además se oye un zumbido <b>fuerte</b>.');
    expect(snippet.querySelector('mark')).toHaveTextContent('zumbido');
    expect(snippet.querySelector('b')).toBeNull();
  });
});
