// The palette offers what the open ticket's controls do, and each command really does it
// (through the same outbox as the controls, here on a fake-indexeddb cache).
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Agent } from '../../../shared/index';
import { setDb } from '../../data/app-db';
import { applyPulledPage } from '../../data/apply-pulled-page';
import type { MesaDb } from '../../data/db';
import { makeAgent, makeTicket } from '../../data/testing/make-ticket';
import { seedSession } from '../../data/testing/seed-session';
import { freshDb } from '../../data/testing/test-db';
import { initI18n } from '../../i18n/i18n';
import { useDraftStore } from '../../stores/draft-store';
import { NO_FILTERS, useQueueStore } from '../../stores/queue-store';
import { useUiStore } from '../../stores/ui-store';
import { buildCommands, filterCommands, type Command } from './commands';
import { ticketById } from '../../data/ticket-queries';

let db: MesaDb;
let me: Agent;
const ana = makeAgent({ name: 'Ana Admin' });
const gone = makeAgent({ name: 'Bruno Baja', active: false });
const fresh = makeTicket({
  number: 'INC-1',
  title: 'Sin VPN',
  status: 'new',
  assigneeId: null,
  updatedAt: '2025-03-03T09:00:03.000Z',
});
const second = makeTicket({ number: 'INC-2', title: 'Impresora', updatedAt: '2025-03-03T09:00:02.000Z' });
const third = makeTicket({ number: 'INC-3', title: 'Correo', updatedAt: '2025-03-03T09:00:01.000Z' });

beforeEach(async () => {
  initI18n('en-US');
  await i18next.changeLanguage('en');
  db = freshDb();
  setDb(db);
  me = await seedSession(db);
  await db.agents.bulkPut([ana, gone]);
  const tickets = [fresh, second, third];
  await applyPulledPage(
    tickets.map((t, i) => ({
      seq: i + 1,
      entity: 'ticket' as const,
      id: t.id,
      op: 'upsert' as const,
      data: t,
    })),
    3,
    db,
  );
  useUiStore.setState({ openTicketId: fresh.id, overlay: null, statusDialog: null, toast: null });
  useQueueStore.setState({
    queue: 'all',
    filters: NO_FILTERS,
    sort: 'updated',
    activeIndex: 0,
    activeId: fresh.id,
  });
  useDraftStore.setState({ drafts: {} });
});

afterEach(async () => {
  await db.delete();
});

async function commandsFor(ticketId: string): Promise<Command[]> {
  const ticket = (await ticketById(ticketId, db))!;
  return buildCommands({
    t: i18next.t,
    ticketId,
    ticket,
    ticketOpen: true,
    me: { id: me.id, name: me.name },
    agents: [me, ana, gone],
    viewer: { id: me.id, teamIds: me.teamIds },
    visibility: 'public',
    macros: [],
    signOut: () => {},
  });
}

const find = (commands: Command[], text: string): Command => {
  const [found] = filterCommands(commands, text);
  if (!found) throw new Error(`no command "${text}" among: ${commands.map((c) => c.label).join(' | ')}`);
  return found;
};

describe('palette commands on the open ticket', () => {
  it('offers the moves the ticket allows, assignment to anyone active by name, visibility, next and previous', async () => {
    const labels = (await commandsFor(fresh.id)).filter((c) => c.group === 'ticket').map((c) => c.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Start work',
        'Resolve…',
        'Assign to Ana Admin',
        'Write an internal note instead of a public reply',
        'Next ticket in the queue',
        'Previous ticket in the queue',
      ]),
    );
    // A new ticket cannot go pending; a deactivated agent takes nothing.
    expect(labels).not.toContain('Set pending…');
    expect(labels.join()).not.toContain('Bruno');
  });

  it('"Start work" on an unassigned ticket assigns me and starts it', async () => {
    find(await commandsFor(fresh.id), 'start work').run();
    await expect.poll(async () => (await ticketById(fresh.id, db))?.status).toBe('in_progress');
    expect(await ticketById(fresh.id, db)).toMatchObject({ assigneeId: me.id });
    expect(useUiStore.getState().toast).toMatchObject({ kind: 'info' });
  });

  it('assigns to another agent by name', async () => {
    find(await commandsFor(fresh.id), 'assign ana').run();
    await expect.poll(async () => (await ticketById(fresh.id, db))?.assigneeId).toBe(ana.id);
  });

  it('asks the status control for the resolve dialog, on screen', async () => {
    useUiStore.setState({ openTicketId: null });
    find(await commandsFor(fresh.id), 'resolve').run();
    expect(useUiStore.getState()).toMatchObject({ openTicketId: fresh.id, statusDialog: 'resolved' });
  });

  it('switches the reply between public and internal', async () => {
    find(await commandsFor(fresh.id), 'internal note').run();
    expect(useDraftStore.getState().drafts[fresh.id]).toMatchObject({ visibility: 'internal' });
  });

  it('steps to the next and previous ticket of the queue without going back to it', async () => {
    find(await commandsFor(fresh.id), 'next ticket').run();
    await expect.poll(() => useUiStore.getState().openTicketId).toBe(second.id);
    find(await commandsFor(second.id), 'next ticket').run();
    await expect.poll(() => useUiStore.getState().openTicketId).toBe(third.id);
    find(await commandsFor(third.id), 'previous ticket').run();
    await expect.poll(() => useUiStore.getState().openTicketId).toBe(second.id);
  });

  it('the next ticket is the one after it even when the open one has left the queue', async () => {
    useQueueStore.setState({ queue: 'unassigned' });
    // Taking the first unassigned ticket moves it out of "Unassigned"; next is still INC-2, not INC-3.
    await applyPulledPage(
      [
        {
          seq: 4,
          entity: 'ticket',
          id: second.id,
          op: 'upsert',
          data: { ...second, status: 'new', assigneeId: null },
        },
      ],
      4,
      db,
    );
    await applyPulledPage(
      [
        {
          seq: 5,
          entity: 'ticket',
          id: third.id,
          op: 'upsert',
          data: { ...third, status: 'new', assigneeId: null },
        },
      ],
      5,
      db,
    );
    find(await commandsFor(fresh.id), 'start work').run();
    await expect.poll(async () => (await ticketById(fresh.id, db))?.status).toBe('in_progress');
    find(await commandsFor(fresh.id), 'next ticket').run();
    await expect.poll(() => useUiStore.getState().openTicketId).not.toBe(fresh.id);
    expect(useUiStore.getState().openTicketId).toBe(second.id);
  });
});

describe('palette navigation to the reports', () => {
  it('opens the reports over the open ticket, with its g r shortcut shown; a queue brings the queue back', async () => {
    const commands = await commandsFor(fresh.id);
    const reports = find(commands, 'go to reports');
    expect(reports.shortcut).toBe('g r');
    reports.run();
    expect(useUiStore.getState()).toMatchObject({ view: 'reports', openTicketId: null });
    find(commands, 'go to all open').run();
    expect(useUiStore.getState().view).toBe('queue');
  });
});
