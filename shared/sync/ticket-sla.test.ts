import { describe, expect, it } from 'vitest';
import { PAPER_POLICY } from '../domain/testing/paper-policy';
import { ticketSlaSchema } from '../entities/ticket';
import { ticketSla, ticketSlaState } from './ticket-sla';

const POLICY = PAPER_POLICY;

// Last touched at 09:20 (the reply), its clocks stored at 12:00, as the demo seed does.
const TICKET = {
  createdAt: '2026-06-01T09:00:00.000Z',
  updatedAt: '2026-06-01T09:20:00.000Z',
  priority: 3 as const,
  firstResponseAt: '2026-06-01T09:20:00.000Z',
  statusHistory: [
    { at: '2026-06-01T09:00:00.000Z', status: 'new' as const },
    { at: '2026-06-01T09:10:00.000Z', status: 'in_progress' as const },
  ],
};
const STORED_AT = new Date('2026-06-01T12:00:00.000Z');

describe('ticketSla', () => {
  it('sends when the clocks were evaluated and when each running clock warns, in the wire shape', () => {
    const sla = ticketSla(TICKET, POLICY, STORED_AT);
    expect(ticketSlaSchema.parse(sla)).toEqual(sla);
    expect(sla.evaluatedAt).toBe('2026-06-01T12:00:00.000Z');
    expect(sla.resolution).toMatchObject({
      status: 'running',
      dueAt: '2026-06-02T11:00:00.000Z',
      warnAt: '2026-06-01T17:00:00.000Z',
    });
    expect(sla.firstResponse).toMatchObject({ status: 'stopped', dueAt: null, warnAt: null });
  });

  it('still reads a copy stored before warning instants were sent', () => {
    const { evaluatedAt: _at, ...old } = ticketSla(TICKET, POLICY, STORED_AT);
    const { warnAt: _warn, ...resolution } = old.resolution;
    expect(ticketSlaSchema.safeParse({ ...old, resolution }).success).toBe(true);
  });
});

describe('ticketSlaState', () => {
  const stored = { ...TICKET, sla: ticketSla(TICKET, POLICY, STORED_AT) };

  it('dates the warning from the clock, not from the last update, without the policy too', () => {
    // Counting from updatedAt (09:20) the 480-minute warning would come at 14:40.
    const withPolicy = ticketSlaState(stored, POLICY, new Date('2026-06-01T14:40:00.000Z'));
    const fromServer = ticketSlaState(stored, null, new Date('2026-06-01T14:40:00.000Z'));
    for (const state of [withPolicy, fromServer]) {
      expect(state).toMatchObject({ clock: 'resolution', health: 'ok' });
      expect(state?.warnAt?.toISOString()).toBe('2026-06-01T17:00:00.000Z');
      expect(state?.dueAt?.toISOString()).toBe('2026-06-02T11:00:00.000Z');
    }
  });

  it("moves the server's copy to warning and breach as time passes", () => {
    expect(ticketSlaState(stored, null, new Date('2026-06-01T17:00:00.000Z'))?.health).toBe('warning');
    expect(ticketSlaState(stored, null, new Date('2026-06-02T11:00:01.000Z'))?.health).toBe('breached');
  });

  it('has no state for a ticket with neither a policy nor clocks', () => {
    expect(ticketSlaState({ ...TICKET, sla: null }, null, STORED_AT)).toBeNull();
  });
});
