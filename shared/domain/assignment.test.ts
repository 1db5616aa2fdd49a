import { describe, expect, it } from 'vitest';
import { suggestAssignees } from './assignment';
import type { AgentCandidate } from './types';

const agent = (id: string, overrides: Partial<AgentCandidate> = {}): AgentCandidate => ({
  id,
  teamIds: ['service-desk'],
  skills: ['network', 'email'],
  presence: 'online',
  openTickets: 2,
  capacity: 10,
  lastAssignedAt: new Date('2026-06-01T09:00:00Z'),
  ...overrides,
});
const network = { category: 'network' };

describe('suggestAssignees: exclusions', () => {
  it('excludes offline agents', () => {
    expect(suggestAssignees(network, [agent('a', { presence: 'offline' }), agent('b')])).toEqual(['b']);
  });

  it('excludes agents at or over capacity', () => {
    const agents = [
      agent('full', { openTickets: 10, capacity: 10 }),
      agent('over', { openTickets: 12, capacity: 10 }),
      agent('none', { openTickets: 0, capacity: 0 }),
      agent('room', { openTickets: 9, capacity: 10 }),
    ];
    expect(suggestAssignees(network, agents)).toEqual(['room']);
  });

  it('excludes agents without the category among their skills (exact match)', () => {
    const agents = [
      agent('a', { skills: ['email'] }),
      agent('b', { skills: [] }),
      agent('c', { skills: ['Network'] }),
      agent('d'),
    ];
    expect(suggestAssignees(network, agents)).toEqual(['d']);
  });

  it('excludes agents outside the ticket team when it has one', () => {
    const agents = [
      agent('a', { teamIds: ['field'] }),
      agent('b', { teamIds: [] }),
      agent('c', { teamIds: ['field', 'service-desk'] }),
    ];
    expect(suggestAssignees({ category: 'network', teamId: 'service-desk' }, agents)).toEqual(['c']);
  });

  it('ignores teams when the ticket has none', () => {
    const agents = [agent('a', { teamIds: ['field'] }), agent('b', { teamIds: [] })];
    expect(suggestAssignees({ category: 'network' }, agents)).toEqual(['a', 'b']);
    expect(suggestAssignees({ category: 'network', teamId: null }, agents)).toEqual(['a', 'b']);
    expect(suggestAssignees({ category: 'network', teamId: '' }, agents)).toEqual(['a', 'b']);
  });

  it('returns nobody when nobody fits', () => {
    expect(suggestAssignees(network, [])).toEqual([]);
    expect(suggestAssignees({ category: 'printers' }, [agent('a'), agent('b')])).toEqual([]);
  });
});

describe('suggestAssignees: order', () => {
  it('puts online before away, whatever the load', () => {
    const agents = [
      agent('away-idle', { presence: 'away', openTickets: 0 }),
      agent('online-busy', { openTickets: 9 }),
    ];
    expect(suggestAssignees(network, agents)).toEqual(['online-busy', 'away-idle']);
  });

  it('then lower openTickets / capacity (a ratio, not a count)', () => {
    const agents = [
      agent('half', { openTickets: 5, capacity: 10 }), // 0.5
      agent('fifth', { openTickets: 4, capacity: 20 }), // 0.2
      agent('third', { openTickets: 1, capacity: 3 }), // 0.33
    ];
    expect(suggestAssignees(network, agents)).toEqual(['fifth', 'third', 'half']);
  });

  it('then the agent assigned longest ago, never-assigned first', () => {
    const agents = [
      agent('recent', { lastAssignedAt: new Date('2026-06-05T10:00:00Z') }),
      agent('never-null', { lastAssignedAt: null }),
      agent('older', { lastAssignedAt: new Date('2026-05-01T10:00:00Z') }),
      agent('never-undefined', { lastAssignedAt: undefined }),
    ];
    expect(suggestAssignees(network, agents)).toEqual(['never-null', 'never-undefined', 'older', 'recent']);
  });

  it('treats equal ratios as equal load (1/3 = 2/6), so the next rule decides', () => {
    const agents = [
      agent('b', { openTickets: 2, capacity: 6, lastAssignedAt: new Date('2026-06-02T00:00:00Z') }),
      agent('a', { openTickets: 1, capacity: 3, lastAssignedAt: new Date('2026-06-03T00:00:00Z') }),
    ];
    expect(suggestAssignees(network, agents)).toEqual(['b', 'a']);
  });

  it('then id, by code unit (locale-independent)', () => {
    const agents = [agent('b'), agent('a'), agent('B'), agent('a2')];
    expect(suggestAssignees(network, agents)).toEqual(['B', 'a', 'a2', 'b']);
  });

  it('applies all rules together', () => {
    const agents = [
      agent('z-away', { presence: 'away', openTickets: 0, lastAssignedAt: null }),
      agent('y-loaded', { openTickets: 8 }),
      agent('x-recent', { openTickets: 2, lastAssignedAt: new Date('2026-06-09T00:00:00Z') }),
      agent('w-old', { openTickets: 2, lastAssignedAt: new Date('2026-06-01T00:00:00Z') }),
      agent('v-offline', { presence: 'offline', openTickets: 0 }),
      agent('u-tie', { openTickets: 2, lastAssignedAt: new Date('2026-06-01T00:00:00Z') }),
    ];
    expect(suggestAssignees(network, agents)).toEqual(['u-tie', 'w-old', 'x-recent', 'y-loaded', 'z-away']);
  });

  it('does not reorder the caller’s array', () => {
    const agents = [agent('b'), agent('a')];
    suggestAssignees(network, agents);
    expect(agents.map((a) => a.id)).toEqual(['b', 'a']);
  });
});
