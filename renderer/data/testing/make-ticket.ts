import type { Agent, Comment, SlaPolicy, Ticket } from '../../../shared/index';

/** Valid shared entities for tests of the cache, with only what a test cares about given. */

let counter = 0;
/** Deterministic UUIDs (v7-shaped) so failures are readable and ordering is by creation. */
export function testUuid(): string {
  counter += 1;
  return `0190a000-0000-7000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  const at = overrides.createdAt ?? '2025-03-03T09:00:00.000Z';
  return {
    id: testUuid(),
    number: null,
    title: 'Printer on floor 2 is jammed',
    description: 'Paper stuck in tray 1.',
    category: 'hardware',
    impact: 2,
    urgency: 2,
    priority: 3,
    status: 'new',
    assigneeId: null,
    teamId: null,
    requester: { name: 'Ana García', email: 'ana.garcia@example.com' },
    channel: 'phone',
    tags: [],
    createdAt: at,
    updatedAt: at,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    resolutionNote: null,
    resolutionCode: null,
    pendingReason: null,
    cancelReason: null,
    feedback: null,
    slaPolicyId: null,
    statusHistory: [{ at, status: overrides.status ?? 'new' }],
    sla: null,
    audit: [],
    ...overrides,
  };
}

/** A running resolution clock due at `dueAt`, `elapsed` of `target` business minutes used. */
export function runningSla(dueAt: string, elapsed = 0, target = 480): Ticket['sla'] {
  const clock = {
    status: 'running' as const,
    health: 'ok' as const,
    targetMinutes: target,
    elapsedMinutes: elapsed,
    remainingMinutes: target - elapsed,
    dueAt,
  };
  return { firstResponse: clock, resolution: clock };
}

export function makeAgent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: testUuid(),
    name: 'Marta Ruiz',
    email: 'marta@example.com',
    role: 'agent',
    teamIds: [],
    skills: ['hardware'],
    presence: 'online',
    capacity: 10,
    openTickets: 0,
    lastAssignedAt: null,
    active: true,
    ...overrides,
  };
}

/** Round-the-clock business hours, so business minutes are wall minutes in tests. */
export function alwaysOpenPolicy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  const allDay: Array<[string, string]> = [['00:00', '24:00']];
  const target = { firstResponseMinutes: 60, resolutionMinutes: 480 };
  return {
    id: 'default',
    name: 'Default',
    calendar: {
      timeZone: 'UTC',
      week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    },
    targets: { 1: target, 2: target, 3: target, 4: target, 5: target },
    warnAtFraction: 0.75,
    ...overrides,
  };
}

export function makeComment(ticketId: string, body: string, at = '2025-03-03T09:05:00.000Z'): Comment {
  return {
    id: testUuid(),
    ticketId,
    authorId: null,
    authorName: 'Ana García',
    body,
    visibility: 'public',
    attachments: [],
    writtenAt: at,
    createdAt: at,
  };
}
