import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDb } from '../../data/app-db';
import { toCachedTicket } from '../../data/cached-ticket';
import { MesaDb } from '../../data/db';
import { makeTicket } from '../../data/testing/make-ticket';
import { renderIn } from '../../testing/render-in';
import { useDraftStore } from '../../stores/draft-store';
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
    {
      id: 'r1',
      type: 'ticket.transition',
      ticketId: TICKET,
      code: 'invalid_transition',
      message: 'A ticket cannot go from Closed to Pending.',
      at: '2025-03-12T10:00:00.000Z',
      args: { ticketId: TICKET, to: 'pending' },
    },
    {
      id: 'r2',
      type: 'ticket.assign',
      ticketId: TICKET,
      code: 'ticket_closed',
      message: 'The ticket is cancelled.',
      at: '2025-03-12T09:00:00.000Z',
      args: {},
    },
  ]);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('RefusedChangesPanel', () => {
  it.each([
    [
      'es',
      'Cambios rechazados',
      'Cambiar estado',
      'Desde su estado actual no se puede pasar a «En espera».',
      'El servidor dijo: «A ticket cannot go from Closed to Pending.»',
    ],
    [
      'en',
      'Refused changes',
      'Change status',
      'From its current status the ticket cannot move to “Pending”.',
      'The server said: “A ticket cannot go from Closed to Pending.”',
    ],
  ] as const)(
    'lists each refusal with the reason and the server message (%s)',
    async (lang, title, kind, reason, server) => {
      renderIn(lang, <RefusedChangesPanel onClose={() => {}} />);
      expect(screen.getByRole('dialog', { name: title })).toBeInTheDocument();
      const items = await screen.findAllByTestId('refused-item');
      expect(items).toHaveLength(2);
      expect(items[0]).toHaveTextContent(kind);
      expect(items[0]).toHaveTextContent('INC-777');
      expect(items[0]).toHaveTextContent(reason);
      expect(items[0]).toHaveTextContent(server);
    },
  );

  it('opens the ticket and dismisses a refusal', async () => {
    renderIn('en', <RefusedChangesPanel onClose={() => {}} />);
    const [first] = await screen.findAllByTestId('refused-item');
    await userEvent.click(within(first!).getByRole('button', { name: 'Open INC-777' }));
    expect(useUiStore.getState().openTicketId).toBe(TICKET);
    await userEvent.click(within(first!).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.getAllByTestId('refused-item')).toHaveLength(1));
    expect(await db.rejections.count()).toBe(1);
  });

  describe('with the agent’s words in it', () => {
    const OPEN = '01900000-0000-7000-8000-000000000778';
    const CANCELLED = '01900000-0000-7000-8000-000000000779';
    const body = 'Reinicié el router <b>dos veces</b>: ¿vuelve la VPN?';

    beforeEach(async () => {
      await db.rejections.clear();
      const open = makeTicket({
        id: OPEN,
        number: 'INC-778',
        title: 'Impresora atascada',
        status: 'in_progress',
      });
      const cancelled = makeTicket({
        id: CANCELLED,
        number: 'INC-779',
        title: 'Sin VPN en casa',
        status: 'cancelled',
        requester: { name: 'Eva', email: 'eva@example.com' },
      });
      await db.tickets.bulkPut(
        [open, cancelled].map((t) => toCachedTicket(t, { server: t, pendingCount: 0, policy: null })),
      );
      const reply = (id: string, ticketId: string, at: string) => ({
        id,
        type: 'comment.add',
        ticketId,
        code: 'ticket_closed',
        message: 'The ticket is cancelled.',
        at,
        args: { ticketId, commentId: id, body, visibility: 'public' },
      });
      await db.rejections.bulkPut([
        reply('w1', OPEN, '2025-03-12T11:00:00.000Z'),
        reply('w2', CANCELLED, '2025-03-12T10:00:00.000Z'),
      ]);
      useDraftStore.setState({ drafts: {} });
      useUiStore.setState({ openTicketId: null, overlay: 'refused', newTicketSeed: null });
    });

    it.each([
      ['es', 'Tu respuesta', 'Recuperar como borrador'],
      ['en', 'Your reply', 'Reopen as draft'],
    ] as const)('shows the refused reply’s text, as text (%s)', async (lang, label, reopen) => {
      renderIn(lang, <RefusedChangesPanel onClose={() => {}} />);
      const [onOpen, onCancelled] = await screen.findAllByTestId('refused-item');
      expect(within(onOpen!).getByTestId('refused-work')).toHaveTextContent(`${label}${body}`);
      expect(within(onOpen!).queryByText('dos veces', { selector: 'b' })).toBeNull();
      // Back onto a ticket that takes replies; not onto the cancelled one.
      expect(within(onOpen!).getByRole('button', { name: reopen })).toBeInTheDocument();
      expect(within(onCancelled!).queryByRole('button', { name: reopen })).toBeNull();
    });

    it('reopens the reply as the ticket’s draft, and only then lets the refusal go', async () => {
      useDraftStore.getState().setDraft(OPEN, { body: 'Ya escrito' });
      renderIn('en', <RefusedChangesPanel onClose={() => {}} />);
      const [onOpen] = await screen.findAllByTestId('refused-item');
      await userEvent.click(within(onOpen!).getByRole('button', { name: 'Reopen as draft' }));
      expect(useDraftStore.getState().drafts[OPEN]).toMatchObject({
        body: `Ya escrito\n\n${body}`,
        visibility: 'public',
      });
      expect(useUiStore.getState().openTicketId).toBe(OPEN);
      await waitFor(async () => expect(await db.rejections.get('w1')).toBeUndefined());
    });

    it('turns a reply on a cancelled ticket into a new ticket for the same requester', async () => {
      renderIn('en', <RefusedChangesPanel onClose={() => {}} />);
      const [, onCancelled] = await screen.findAllByTestId('refused-item');
      expect(onCancelled).toHaveTextContent('The ticket no longer takes replies or files');
      await userEvent.click(within(onCancelled!).getByRole('button', { name: 'Turn into a new ticket' }));
      expect(useUiStore.getState()).toMatchObject({
        overlay: 'newTicket',
        newTicketSeed: {
          title: 'Sin VPN en casa',
          description: body,
          requester: { name: 'Eva', email: 'eva@example.com' },
          fromRefusalId: 'w2',
        },
      });
      expect(await db.rejections.get('w2')).toBeDefined();
    });

    it('asks before dismissing a refusal that holds the agent’s text', async () => {
      renderIn('es', <RefusedChangesPanel onClose={() => {}} />);
      const [onOpen] = await screen.findAllByTestId('refused-item');
      await userEvent.click(within(onOpen!).getByRole('button', { name: 'Descartar' }));
      const confirm = within(onOpen!).getByRole('group', { name: 'Confirmar el descarte' });
      expect(confirm).toHaveTextContent('Si lo descartas, se borra para siempre.');
      await userEvent.click(within(confirm).getByRole('button', { name: 'Conservarlo' }));
      expect(await db.rejections.get('w1')).toBeDefined();

      await userEvent.click(within(onOpen!).getByRole('button', { name: 'Descartar' }));
      await userEvent.click(within(onOpen!).getByRole('button', { name: 'Borrar para siempre' }));
      await waitFor(() => expect(screen.getAllByTestId('refused-item')).toHaveLength(1));
      expect(await db.rejections.get('w1')).toBeUndefined();
    });

    it('asks before dismissing all when any holds the agent’s text', async () => {
      renderIn('en', <RefusedChangesPanel onClose={() => {}} />);
      await screen.findAllByTestId('refused-item');
      await userEvent.click(screen.getByRole('button', { name: 'Dismiss all' }));
      expect(await db.rejections.count()).toBe(2);
      await userEvent.click(
        within(screen.getByRole('group', { name: 'Confirm dismissal' })).getByRole('button', {
          name: 'Delete for good',
        }),
      );
      await waitFor(async () => expect(await db.rejections.count()).toBe(0));
    });
  });
});
