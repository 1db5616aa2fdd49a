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
  body: 'Reinicie el router, por favor.',
  visibility: 'public',
  attachments: [],
  writtenAt: '2025-03-12T09:00:00.000Z',
  createdAt: '2025-03-12T09:00:01.000Z',
  server: null,
  pending: 0,
  ...over,
});
const nameOf = (id: string | null) => (id === ANA ? 'Ana Administradora' : '—');

// The requester's side of the conversation, as the agent sees it in the ticket.
describe('Timeline: mail to and from the requester', () => {
  it.each([
    ['es', 'queued', undefined, 'Correo al solicitante en cola'],
    ['es', 'sent', undefined, 'Enviado por correo al solicitante'],
    [
      'es',
      'failed',
      '550 5.1.1 No such mailbox',
      'No se pudo enviar el correo al solicitante: 550 5.1.1 No such mailbox',
    ],
    ['en', 'queued', '451 Greylisted', 'Mail to the requester not sent yet; retrying (451 Greylisted)'],
    [
      'en',
      'failed',
      '550 5.1.1 No such mailbox',
      'The mail to the requester failed: 550 5.1.1 No such mailbox',
    ],
  ] as const)('a public reply says whether its mail went out (%s, %s)', (lang, status, reason, text) => {
    renderIn(
      lang,
      <Timeline
        comments={[comment({ delivery: { status, ...(reason ? { reason } : {}) } })]}
        audit={[]}
        nameOf={nameOf}
      />,
    );
    const line = screen.getByTestId('mail-delivery');
    expect(line).toHaveTextContent(text);
    expect(line.getAttribute('role')).toBe(status === 'failed' ? 'alert' : null);
  });

  it("marks the requester's reply with how it came, and says when it brought a pending ticket back", () => {
    const reply = comment({
      id: 'c2',
      authorId: null,
      authorName: 'Marta Ruiz',
      body: 'Es una HP LaserJet.',
      channel: 'email',
      writtenAt: '2025-03-12T10:00:00.000Z',
      createdAt: '2025-03-12T10:00:00.000Z',
    });
    const audit: AuditEntry[] = [
      {
        at: '2025-03-12T10:00:00.000Z',
        actorId: null,
        action: 'comment.requester_reply',
        changes: { status: ['pending', 'in_progress'] },
      },
      { at: '2025-03-12T11:00:00.000Z', actorId: null, action: 'comment.requester_reply', changes: {} },
    ];
    const page = comment({
      id: 'c3',
      authorId: null,
      authorName: 'Marta Ruiz',
      body: 'Gracias',
      channel: 'page',
      writtenAt: '2025-03-12T11:00:00.000Z',
      createdAt: '2025-03-12T11:00:00.000Z',
    });
    renderIn('es', <Timeline comments={[reply, page]} audit={audit} nameOf={nameOf} />);
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Marta Ruiz · Solicitante · por correo'),
      expect.stringContaining('El solicitante respondió: el ticket pasó de En espera a En curso'),
      expect.stringContaining('Marta Ruiz · Solicitante · desde su página de la solicitud'),
    ]);
    expect(screen.queryByTestId('mail-delivery')).toBeNull();
  });
});
