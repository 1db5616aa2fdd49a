import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../stores/queue-store';
import { queueQueryOf } from './queue-query-of';

const me = { id: 'me', teamIds: ['desk'] };

describe('queueQueryOf', () => {
  it('scopes each queue', () => {
    expect(queueQueryOf('mine', NO_FILTERS, 'sla', me, 0)).toMatchObject({
      kind: 'mine',
      agentId: 'me',
      state: 'open',
    });
    expect(queueQueryOf('team', NO_FILTERS, 'sla', me, 0)).toMatchObject({ kind: 'team', teamIds: ['desk'] });
    expect(queueQueryOf('breaching', NO_FILTERS, 'sla', me, 42)).toMatchObject({
      kind: 'breaching',
      now: 42,
    });
  });

  it('reads the finished side of the index when the status filter asks for it', () => {
    expect(queueQueryOf('all', { ...NO_FILTERS, status: 'closed' }, 'updated', me, 0)).toMatchObject({
      state: 'done',
      filters: { status: ['closed'] },
    });
  });

  it('passes every filter, "unassigned" as the empty assignee key and tags lowercase', () => {
    const filters = {
      status: 'pending' as const,
      priority: 2 as const,
      teamId: 'desk',
      assigneeId: 'none',
      category: 'network',
      tag: ' VPN ',
    };
    expect(queueQueryOf('all', filters, 'priority', me, 0).filters).toEqual({
      status: ['pending'],
      priority: [2],
      team: ['desk'],
      assignee: [''],
      category: ['network'],
      tag: ['vpn'],
    });
  });

  it('ignores the hidden assignee filter in the queues that fix the assignee', () => {
    expect(queueQueryOf('mine', { ...NO_FILTERS, assigneeId: 'other' }, 'sla', me, 0).filters).toEqual({});
  });
});
