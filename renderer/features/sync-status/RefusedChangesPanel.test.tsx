import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDb } from '../../data/app-db';
import { toCachedTicket } from '../../data/cached-ticket';
import { MesaDb } from '../../data/db';
import { makeTicket } from '../../data/testing/make-ticket';
import { renderIn } from '../../testing/render-in';
import { useUiStore } from '../../stores/ui-store';
import { RefusedChangesPanel } from './RefusedChangesPanel';

const TICKET = '01900000-0000-7000-8000-000000000777';
let db: MesaDb;

beforeEach(async () => {
  db = new MesaDb(`refused-${Math.random()}`);
  setDb(db);
  const ticket = makeTicket({ id: TICKET, number: 'INC-777', title: 'Sin VPN' });
  await db.tickets.put(toCachedTicket(ticket, { server: ticket, pendingCount: 0, policy: null }));
  await db.rejections.bulkPut([
    { id: 'r1', type: 'ticket.transition', ticketId: TICKET, code: 'invalid_transition', message: 'A ticket cannot go from Closed to Pending.', at: '2025-03-12T10:00:00.000Z', args: { ticketId: TICKET, to: 'pending' } },
    { id: 'r2', type: 'ticket.assign', ticketId: TICKET, code: 'ticket_closed', message: 'The ticket is cancelled.', at: '2025-03-12T09:00:00.000Z', args: {} },
  ]);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('RefusedChangesPanel', () => {
  it.each([
    ['es', 'Cambios rechazados', 'Cambiar estado', 'Desde su estado actual no se puede pasar a «En espera».', 'El servidor dijo: «A ticket cannot go from Closed to Pending.»'],
    ['en', 'Refused changes', 'Change status', 'From its current status the ticket cannot move to “Pending”.', 'The server said: “A ticket cannot go from Closed to Pending.”'],
  ] as const)('lists each refusal with the reason and the server message (%s)', async (lang, title, kind, reason, server) => {
    renderIn(lang, <RefusedChangesPanel onClose={() => {}} />);
    expect(screen.getByRole('dialog', { name: title })).toBeInTheDocument();
    const items = await screen.findAllByTestId('refused-item');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(kind);
    expect(items[0]).toHaveTextContent('INC-777');
    expect(items[0]).toHaveTextContent(reason);
    expect(items[0]).toHaveTextContent(server);
  });

  it('opens the ticket and dismisses a refusal', async () => {
    renderIn('en', <RefusedChangesPanel onClose={() => {}} />);
    const [first] = await screen.findAllByTestId('refused-item');
    await userEvent.click(within(first!).getByRole('button', { name: 'Open INC-777' }));
    expect(useUiStore.getState().openTicketId).toBe(TICKET);
    await userEvent.click(within(first!).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.getAllByTestId('refused-item')).toHaveLength(1));
    expect(await db.rejections.count()).toBe(1);
  });
});
