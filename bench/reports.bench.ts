import { compared, r2, type BenchResult } from './bench-result';
import { seededRandom } from '../e2e/chaos/seeded-random';
import { CRITICAL_24X7_SLA_POLICY, DEFAULT_SLA_POLICY } from '../shared/domain/presets';
import type { Priority, SlaPolicy, TicketStatus } from '../shared/domain/types';
import type { TicketChannel } from '../shared/entities/ticket';
import {
  computeSlaReport,
  ReportIndex,
  reportPeriod,
  toReportFact,
  type ReportFact,
  type ReportFactTicket,
  type ReportFilters,
  type ReportPeriodChoice,
} from '../shared/reports/index';

/**
 * The console's Reports view at 100,000 cached tickets, computed as its worker computes it:
 * - `reports.load_facts`: judging every ticket's SLA clocks once (toReportFact) and
 *   indexing the facts (ReportIndex), with the structured clone of the tickets into the
 *   worker; paid when the view first opens or the cache changed.
 * - `reports.open` and `reports.change`: a report for a period and filters from the index,
 *   with the structured clone of the report back to the page: what opening the view and
 *   changing the period or a filter cost (goal ≤ 200 ms median, ≤ 500 ms p95).
 * - `reports.sla_report_direct`: computeSlaReport over the same tickets, judging every
 *   clock on each request (what the view would cost without the facts).
 * `reports.change.cpu_median` is the same change in CPU time of this process.
 * Baseline: one pass over the queue facets of 100,000 tickets (a filtered queue count),
 * what the console already does on each queue change.
 */

const TICKETS = 100_000;
const DAY = 86_400_000;
const MINUTE = 60_000;
const NOW = new Date(Date.UTC(2026, 4, 20, 10, 30));
const TIME_ZONE = 'Europe/Madrid';
const TEAMS = ['team-desk', 'team-infra', 'team-apps', null];
const AGENTS = Array.from({ length: 40 }, (_, i) => `agent-${i}`);
const CATEGORIES = ['hardware', 'software', 'network', 'access', 'email', 'printing'];
const CHANNELS: TicketChannel[] = ['phone', 'email', 'portal', 'walk_in', 'chat', 'console'];
const POLICIES: ReadonlyMap<string, SlaPolicy> = new Map([
  [DEFAULT_SLA_POLICY.id, DEFAULT_SLA_POLICY],
  [CRITICAL_24X7_SLA_POLICY.id, CRITICAL_24X7_SLA_POLICY],
]);
const PATHS: readonly (readonly TicketStatus[])[] = [
  ['new', 'assigned', 'in_progress', 'resolved', 'closed'],
  ['new', 'assigned', 'in_progress', 'pending', 'in_progress', 'resolved'],
  ['new', 'in_progress', 'resolved', 'in_progress', 'resolved'],
  ['new', 'assigned', 'in_progress', 'pending'],
  ['new'],
  ['new', 'assigned', 'cancelled'],
];

function buildTickets(count: number): ReportFactTicket[] {
  const next = seededRandom(21);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    // Created over the last 180 days, each step 10 minutes to ~3 days after the previous.
    const created = NOW.getTime() - Math.floor(next() * 180 * DAY);
    let at = created;
    const statusHistory = PATHS[i % PATHS.length]!.map((status, step) => {
      if (step > 0) at = Math.min(NOW.getTime(), at + 10 * MINUTE + Math.floor(next() * next() * 3 * DAY));
      return { at: new Date(at).toISOString(), status };
    });
    const status = statusHistory[statusHistory.length - 1]!.status;
    const answered = status === 'resolved' || status === 'closed' ? next() < 0.4 : false;
    return {
      id: `ticket-${i}`,
      number: `INC-${i + 1}`,
      title: `Ticket ${i}`,
      createdAt: new Date(created).toISOString(),
      priority: (1 + (i % 5)) as Priority,
      firstResponseAt:
        next() < 0.85 ? new Date(created + Math.floor(next() * 8 * 60 * MINUTE)).toISOString() : null,
      statusHistory,
      teamId: pick(TEAMS),
      assigneeId: next() < 0.9 ? pick(AGENTS) : null,
      category: pick(CATEGORIES),
      channel: pick(CHANNELS),
      status,
      feedback: answered
        ? {
            rating: 1 + Math.floor(next() * 5),
            comment: next() < 0.3 ? 'Thanks' : undefined,
            at: statusHistory.at(-1)!.at,
          }
        : null,
      slaPolicyId: i % 7 === 0 ? CRITICAL_24X7_SLA_POLICY.id : DEFAULT_SLA_POLICY.id,
    };
  });
}

interface Facet {
  id: string;
  status: TicketStatus;
  teamKey: string;
  open: 0 | 1;
  priority: Priority;
}

/** The baseline: one pass over the queue facets, as a filtered queue count does. */
function facetPass(facets: readonly Facet[]): number {
  let count = 0;
  for (const facet of facets)
    if (facet.open === 1 && facet.teamKey === 'team-desk' && facet.priority <= 3) count++;
  return count;
}

/** CPU milliseconds of this process in the last time(): beside wall time, since on a shared machine other processes inflate the latter. */
let lastCpuMs = 0;

function time(work: () => unknown): number {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const elapsed = performance.now() - start;
  lastCpuMs = process.cpuUsage(cpu).user / 1000;
  if (result === undefined) throw new Error('unreachable: keeps the work from being optimised away');
  return elapsed;
}

const quantile = (samples: number[], q: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};

/** What a team lead does after opening the view: another period, then filters, one at a time. */
const CHANGES: Array<{ choice: ReportPeriodChoice; filters: ReportFilters }> = [
  { choice: { preset: 'last7' }, filters: {} },
  { choice: { preset: 'last90' }, filters: {} },
  { choice: { preset: 'thisMonth' }, filters: {} },
  { choice: { preset: 'lastMonth' }, filters: {} },
  { choice: { preset: 'last90' }, filters: { team: 'team-desk' } },
  { choice: { preset: 'last90' }, filters: { agent: 'agent-3' } },
  { choice: { preset: 'last90' }, filters: { category: 'network' } },
  { choice: { preset: 'last90' }, filters: { priority: 1 } },
  { choice: { preset: 'last90' }, filters: { channel: 'phone' } },
  { choice: { preset: 'custom', from: '2025-12-01', to: '2026-05-20' }, filters: {} },
];

function reportMs(index: ReportIndex, choice: ReportPeriodChoice, filters: ReportFilters): number {
  // The period's days are worked out on the page, the report in the worker and cloned back.
  return time(() => {
    const result = reportPeriod(choice, NOW, TIME_ZONE);
    if (!result.ok) throw new Error(result.error);
    return structuredClone(index.compute({ period: result.period, filters }));
  });
}

export async function run(): Promise<BenchResult[]> {
  const tickets = buildTickets(TICKETS);
  const facets: Facet[] = tickets.map((t) => ({
    id: t.id,
    status: t.status,
    teamKey: t.teamId ?? '',
    open: ['new', 'assigned', 'in_progress', 'pending'].includes(t.status) ? 1 : 0,
    priority: t.priority,
  }));
  const load = (): ReportIndex => {
    const facts: ReportFact[] = [];
    for (let i = 0; i < tickets.length; i += 2_000) {
      for (const ticket of structuredClone(tickets.slice(i, i + 2_000)))
        facts.push(toReportFact(ticket, POLICIES, NOW));
    }
    return new ReportIndex(facts);
  };

  // Warm-up: JIT, and the calendars' cached days.
  let index = load();
  reportMs(index, { preset: 'last30' }, {});
  facetPass(facets);

  const loadSamples: number[] = [];
  for (let i = 0; i < 3; i++) loadSamples.push(time(() => (index = load())));

  const baselineSamples: number[] = [];
  const openSamples: number[] = [];
  const changeSamples: number[] = [];
  const changeCpuSamples: number[] = [];
  for (let round = 0; round < 5; round++) {
    baselineSamples.push(time(() => facetPass(facets)));
    openSamples.push(reportMs(index, { preset: 'last30' }, {}));
    for (const { choice, filters } of CHANGES) {
      changeSamples.push(reportMs(index, choice, filters));
      changeCpuSamples.push(lastCpuMs);
    }
  }
  const directSamples: number[] = [];
  for (let i = 0; i < 2; i++) {
    directSamples.push(
      time(() =>
        computeSlaReport({
          tickets,
          policies: POLICIES,
          from: new Date(NOW.getTime() - 90 * DAY),
          to: NOW,
          groupBy: 'team',
          now: NOW,
        }),
      ),
    );
  }

  const baseline = {
    name: 'reports.baseline.facet_pass',
    value: r2(quantile(baselineSamples, 0.5)),
    n: TICKETS,
  };
  const figure = (name: string, samples: number[], q: number): Omit<BenchResult, 'baseline'> => ({
    name,
    value: r2(quantile(samples, q)),
    unit: 'ms',
    n: TICKETS,
  });
  const withBaseline = (result: Omit<BenchResult, 'baseline'>): BenchResult => ({
    ...result,
    baseline: { name: baseline.name, value: baseline.value },
  });
  return [
    ...compared(figure('reports.open.median', openSamples, 0.5), baseline),
    withBaseline(figure('reports.open.p95', openSamples, 0.95)),
    withBaseline(figure('reports.change.median', changeSamples, 0.5)),
    withBaseline(figure('reports.change.p95', changeSamples, 0.95)),
    { ...figure('reports.change.cpu_median', changeCpuSamples, 0.5), unit: 'cpu_ms' },
    withBaseline(figure('reports.load_facts.median', loadSamples, 0.5)),
    withBaseline(figure('reports.sla_report_direct.median', directSamples, 0.5)),
  ];
}
