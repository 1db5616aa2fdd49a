import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/index';
import type { CachedComment } from '../../data/db';
import { renderIn } from '../../testing/render-in';
import { Timeline } from './Timeline';

const ANA = '01900000-0000-7000-8000-000000000101';
const comment = (over: Partial<CachedComment>): CachedComment => ({
  id: 'c1',
  ticketId: 't1',
  authorId: ANA,
  authorName: 'Ana Administradora',
  body: 'Hola',
  visibility: 'public',
  attachments: [],
  writtenAt: '2025-03-12T09:00:00.000Z',
  createdAt: '2025-03-12T09:00:01.000Z',
  server: null,
  pending: 0,
  ...over,
});
const audit: AuditEntry[] = [
  { at: '2025-03-12T08:00:00.000Z', actorId: null, action: 'ticket.create', changes: {} },
  {
    at: '2025-03-12T08:30:00.000Z',
    actorId: ANA,
    action: 'ticket.transition',
    changes: { status: ['assigned', 'in_progress'] },
  },
  { at: '2025-03-12T09:00:01.000Z', actorId: ANA, action: 'comment.add', changes: {} },
];
const nameOf = (id: string | null) => (id === ANA ? 'Ana Administradora' : '—');

describe('Timeline', () => {
  it('keeps replies, internal notes and audit events in order, notes visibly different', () => {
    renderIn(
      'es',
      <Timeline
        comments={[
          comment({}),
          comment({
            id: 'c2',
            visibility: 'internal',
            body: 'Mirar el switch',
            writtenAt: '2025-03-12T10:00:00.000Z',
            createdAt: '2025-03-12T10:00:00.000Z',
          }),
        ]}
        audit={audit}
        nameOf={nameOf}
      />,
    );
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('El sistema creó el ticket'),
      expect.stringContaining('Ana Administradora cambió el estado de Asignado a En curso'),
      expect.stringContaining('Respuesta pública'),
      expect.stringContaining('Nota interna'),
    ]);
    expect(items[3]).toHaveClass('comment-internal');
    expect(items[2]).toHaveClass('comment-public');
  });

  it.each([
    ['es', /Escrito el .+ · sincronizado el .+/],
    ['en', /Written .+ · synced .+/],
  ] as const)('shows when a reply written offline was written and when it synced (%s)', (lang, text) => {
    renderIn(
      lang,
      <Timeline
        comments={[comment({ writtenAt: '2025-03-12T09:00:00.000Z', createdAt: '2025-03-12T11:30:00.000Z' })]}
        audit={[]}
        nameOf={nameOf}
      />,
    );
    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('marks a reply still waiting in the outbox', () => {
    renderIn('en', <Timeline comments={[comment({ pending: 1 })]} audit={[]} nameOf={nameOf} />);
    expect(screen.getByText('Waiting to be sent')).toBeInTheDocument();
  });
});
