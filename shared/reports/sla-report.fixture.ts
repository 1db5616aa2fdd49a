import { CRITICAL_24X7_SLA_POLICY, DEFAULT_SLA_POLICY } from '../domain/presets';
import type { Priority, SlaPolicy, TicketStatus } from '../domain/types';
import type { Feedback, Ticket, TicketChannel } from '../entities/ticket';
import type { ClockCounts, SlaReportGroup } from './sla-report';

/**
 * Tickets with hand-computed SLA report figures, for the shared function, the backend
 * route and (later) the console to be checked against the same numbers.
 *
 * The ids are the demo organisation's (backend/seed/demo-org.ts), so the backend tests can
 * store these tickets in a seeded database. Service Desk runs the default policy (Madrid
 * split hours with Spain's holidays); Infra runs 24×7 in UTC.
 *
 * Times below are UTC; Madrid is UTC+1 until Sunday 2026-03-29, UTC+2 after.
 */

const demoId = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
export const FIXTURE_TEAMS = { serviceDesk: demoId(1), infra: demoId(2) } as const;
export const FIXTURE_AGENTS = { alex: demoId(102), lucia: demoId(103), jordi: demoId(104) } as const;
export const FIXTURE_POLICIES: ReadonlyMap<string, SlaPolicy> = new Map([
  [DEFAULT_SLA_POLICY.id, DEFAULT_SLA_POLICY],
  [CRITICAL_24X7_SLA_POLICY.id, CRITICAL_24X7_SLA_POLICY],
]);

/** The report's period and the moment it is judged at (Wednesday 12:00 in Madrid). */
export const FIXTURE_FROM = '2026-03-01T00:00:00.000Z';
export const FIXTURE_TO = '2026-04-08T00:00:00.000Z';
export const FIXTURE_NOW = '2026-04-08T10:00:00.000Z';

interface FixtureTicket {
  n: number;
  createdAt: string;
  priority: Priority;
  teamId: string | null;
  assigneeId: string | null;
  category: string;
  firstResponseAt: string | null;
  /** After the initial 'new' at createdAt. */
  changes: Array<[string, TicketStatus]>;
  slaPolicyId: string | null;
  /** Earlier teams, for the audit trail of a ticket that moved. */
  movedFrom?: { teamId: string; at: string };
  /** 'email' unless given. */
  channel?: TicketChannel;
  feedback?: Feedback;
}

const { serviceDesk, infra } = FIXTURE_TEAMS;
const { alex, lucia, jordi } = FIXTURE_AGENTS;
const standard = DEFAULT_SLA_POLICY.id;
const roundTheClock = CRITICAL_24X7_SLA_POLICY.id;

const FIXTURE: FixtureTicket[] = [
  // DST: P1 (15 min / 240 min) created Fri 27 Mar 14:00 CET, one business hour before Friday's
  // 15:00 close. Monday starts at 09:00 CEST = 07:00Z, so resolving at 10:30Z counts
  // 60 + 210 = 270 min: breached (an hour-off clock would count 60 + 150 = 210, met).
  {
    n: 1,
    createdAt: '2026-03-27T13:00:00.000Z',
    priority: 1,
    teamId: serviceDesk,
    assigneeId: alex,
    category: 'hardware',
    firstResponseAt: '2026-03-27T13:10:00.000Z',
    changes: [
      ['2026-03-27T13:10:00.000Z', 'in_progress'],
      ['2026-03-30T10:30:00.000Z', 'resolved'],
    ],
    slaPolicyId: standard,
    channel: 'phone',
    feedback: { rating: 2, comment: 'Took <b>three days</b> & a reminder', at: '2026-03-31T09:00:00.000Z' },
  },
  // Holiday: P3 (120 / 1440) created Thu 2 Apr 17:00 CEST, two business hours left that day;
  // Fri 3 Apr (Viernes Santo) has none. First response on the holiday: 120 min, met.
  // Resolution at now: 120 + Mon 480 + Tue 480 + Wed 180 = 1260 < 1440, running
  // (with the holiday as a working Friday it would be 1680, breached).
  {
    n: 2,
    createdAt: '2026-04-02T15:00:00.000Z',
    priority: 3,
    teamId: serviceDesk,
    assigneeId: lucia,
    category: 'software',
    firstResponseAt: '2026-04-03T10:00:00.000Z',
    changes: [['2026-04-03T10:00:00.000Z', 'in_progress']],
    slaPolicyId: standard,
    channel: 'portal',
  },
  // Pending pause: P2 (30 / 480) created Mon 2 Mar 09:00 CET, worked 2 h, pending from
  // Monday 11:00 to Wednesday 09:00, resolved Wednesday 14:00: 120 + 300 = 420, met
  // (counting the pause it would be far past 480).
  {
    n: 3,
    createdAt: '2026-03-02T08:00:00.000Z',
    priority: 2,
    teamId: serviceDesk,
    assigneeId: lucia,
    category: 'access',
    firstResponseAt: '2026-03-02T08:10:00.000Z',
    changes: [
      ['2026-03-02T08:10:00.000Z', 'in_progress'],
      ['2026-03-02T10:00:00.000Z', 'pending'],
      ['2026-03-04T08:00:00.000Z', 'in_progress'],
      ['2026-03-04T13:00:00.000Z', 'resolved'],
    ],
    slaPolicyId: standard,
    feedback: { rating: 5, comment: 'Great, thanks!', at: '2026-03-05T08:00:00.000Z' },
  },
  // Reopened: P3 (120 / 1440) resolved after 240 business minutes (met at that point),
  // reopened Mon 16 Mar 09:00 CET and still in progress: the clock resumed and ran past
  // its due time (Wed 18 Mar 13:00 CET), so it counts as breached now.
  {
    n: 4,
    createdAt: '2026-03-10T08:00:00.000Z',
    priority: 3,
    teamId: serviceDesk,
    assigneeId: alex,
    category: 'software',
    firstResponseAt: '2026-03-10T09:00:00.000Z',
    changes: [
      ['2026-03-10T09:00:00.000Z', 'in_progress'],
      ['2026-03-10T12:00:00.000Z', 'resolved'],
      ['2026-03-16T08:00:00.000Z', 'in_progress'],
    ],
    slaPolicyId: standard,
  },
  // Moved team: opened on Service Desk, moved to Infra an hour later and judged by Infra's
  // 24×7 policy (P4: 240 / 4320). It counts for Infra, the team that holds it. Resolved
  // 48 h after creation: 2880 min, met.
  {
    n: 5,
    createdAt: '2026-03-16T08:00:00.000Z',
    priority: 4,
    teamId: infra,
    assigneeId: jordi,
    category: 'network',
    firstResponseAt: '2026-03-16T08:30:00.000Z',
    changes: [
      ['2026-03-16T08:30:00.000Z', 'in_progress'],
      ['2026-03-18T08:00:00.000Z', 'resolved'],
    ],
    slaPolicyId: roundTheClock,
    channel: 'phone',
    movedFrom: { teamId: serviceDesk, at: '2026-03-16T09:00:00.000Z' },
  },
  // Not yet due: P5 on 24×7 (1440 / 10080), 22 h old at now, untouched. Both running.
  {
    n: 6,
    createdAt: '2026-04-07T12:00:00.000Z',
    priority: 5,
    teamId: infra,
    assigneeId: null,
    category: 'network',
    firstResponseAt: null,
    changes: [],
    slaPolicyId: roundTheClock,
  },
  // Paused and not due: P4 (240 / 2400), answered in 30 min, pending after 60: running.
  {
    n: 7,
    createdAt: '2026-04-06T08:00:00.000Z',
    priority: 4,
    teamId: serviceDesk,
    assigneeId: lucia,
    category: 'printing',
    firstResponseAt: '2026-04-06T08:30:00.000Z',
    changes: [
      ['2026-04-06T08:30:00.000Z', 'in_progress'],
      ['2026-04-06T09:00:00.000Z', 'pending'],
    ],
    slaPolicyId: standard,
    channel: 'chat',
  },
  // Created exactly at `from` (inclusive), a Sunday; P5 (960 / 4800), never answered:
  // both clocks ran past their due times (Tue 3 Mar and Fri 13 Mar), breached.
  {
    n: 8,
    createdAt: FIXTURE_FROM,
    priority: 5,
    teamId: serviceDesk,
    assigneeId: null,
    category: 'email',
    firstResponseAt: null,
    changes: [],
    slaPolicyId: standard,
  },
  // No policy: counted as a ticket, in neither clock.
  {
    n: 9,
    createdAt: '2026-03-20T10:00:00.000Z',
    priority: 3,
    teamId: null,
    assigneeId: null,
    category: 'software',
    firstResponseAt: null,
    changes: [],
    slaPolicyId: null,
  },
  // Outside the period: just before `from`, and exactly at `to` (exclusive).
  {
    n: 10,
    createdAt: '2026-02-28T23:59:59.999Z',
    priority: 3,
    teamId: serviceDesk,
    assigneeId: alex,
    category: 'software',
    firstResponseAt: null,
    changes: [],
    slaPolicyId: standard,
  },
  {
    n: 11,
    createdAt: FIXTURE_TO,
    priority: 1,
    teamId: serviceDesk,
    assigneeId: alex,
    category: 'hardware',
    firstResponseAt: null,
    changes: [],
    slaPolicyId: standard,
  },
];

/** Impact and urgency that give the priority (ITIL matrix: priority = impact + urgency − 1). */
const IMPACT_URGENCY: Record<Priority, [1 | 2 | 3, 1 | 2 | 3]> = {
  1: [1, 1],
  2: [1, 2],
  3: [2, 2],
  4: [2, 3],
  5: [3, 3],
};

function toTicket(f: FixtureTicket): Ticket {
  const history = [
    { at: f.createdAt, status: 'new' as TicketStatus },
    ...f.changes.map(([at, status]) => ({ at, status })),
  ];
  const last = history[history.length - 1]!;
  const resolved = last.status === 'resolved' ? last.at : null;
  const [impact, urgency] = IMPACT_URGENCY[f.priority];
  return {
    id: `01900000-0000-7000-8000-${String(900_000 + f.n).padStart(12, '0')}`,
    number: `INC-${9000 + f.n}`,
    title: `Report fixture ticket ${f.n}`,
    description: 'A ticket of the SLA report fixture.',
    category: f.category,
    impact,
    urgency,
    priority: f.priority,
    status: last.status,
    assigneeId: f.assigneeId,
    teamId: f.teamId,
    requester: { name: 'Requester', email: 'requester@example.com' },
    channel: f.channel ?? 'email',
    tags: [],
    createdAt: f.createdAt,
    updatedAt: last.at,
    firstResponseAt: f.firstResponseAt,
    resolvedAt: resolved,
    closedAt: null,
    resolutionNote: resolved ? 'Fixed.' : null,
    resolutionCode: resolved ? 'solved' : null,
    pendingReason: last.status === 'pending' ? 'Waiting for the requester.' : null,
    cancelReason: null,
    feedback: f.feedback ?? null,
    slaPolicyId: f.slaPolicyId,
    statusHistory: history,
    sla: null,
    audit: f.movedFrom
      ? [
          {
            at: f.movedFrom.at,
            actorId: null,
            action: 'ticket.assign',
            changes: { teamId: [f.movedFrom.teamId, f.teamId] },
          },
        ]
      : [],
  };
}

export const FIXTURE_TICKETS: readonly Ticket[] = FIXTURE.map(toTicket);

const clock = (met: number, breached: number, running: number): ClockCounts => ({
  met,
  breached,
  running,
  compliance: met + breached === 0 ? null : met / (met + breached),
});
const group = (
  key: string,
  tickets: number,
  firstResponse: ClockCounts,
  resolution: ClockCounts,
): SlaReportGroup => ({
  key,
  tickets,
  firstResponse,
  resolution,
});

/** Tickets 1–9: first response met 1,2,3,4,5,7, breached 8, running 6; resolution met 3,5, breached 1,4,8, running 2,6,7. */
export const FIXTURE_EXPECTED_TOTAL = group('', 9, clock(6, 1, 1), clock(2, 3, 3));

/** Per grouping, in key order. */
export const FIXTURE_EXPECTED_GROUPS: Record<'team' | 'agent' | 'category' | 'priority', SlaReportGroup[]> = {
  team: [
    group('', 1, clock(0, 0, 0), clock(0, 0, 0)),
    group(serviceDesk, 6, clock(5, 1, 0), clock(1, 3, 2)),
    group(infra, 2, clock(1, 0, 1), clock(1, 0, 1)),
  ],
  agent: [
    group('', 3, clock(0, 1, 1), clock(0, 1, 1)),
    group(alex, 2, clock(2, 0, 0), clock(0, 2, 0)),
    group(lucia, 3, clock(3, 0, 0), clock(1, 0, 2)),
    group(jordi, 1, clock(1, 0, 0), clock(1, 0, 0)),
  ],
  category: [
    group('access', 1, clock(1, 0, 0), clock(1, 0, 0)),
    group('email', 1, clock(0, 1, 0), clock(0, 1, 0)),
    group('hardware', 1, clock(1, 0, 0), clock(0, 1, 0)),
    group('network', 2, clock(1, 0, 1), clock(1, 0, 1)),
    group('printing', 1, clock(1, 0, 0), clock(0, 0, 1)),
    group('software', 3, clock(2, 0, 0), clock(0, 1, 1)),
  ],
  priority: [
    group('1', 1, clock(1, 0, 0), clock(0, 1, 0)),
    group('2', 1, clock(1, 0, 0), clock(1, 0, 0)),
    group('3', 3, clock(2, 0, 0), clock(0, 1, 1)),
    group('4', 2, clock(2, 0, 0), clock(1, 0, 1)),
    group('5', 2, clock(0, 1, 1), clock(0, 1, 1)),
  ],
};
