import { TICKET_STATUSES } from '../domain/ticket-lifecycle';
import { BacklogSeries } from './backlog-series';
import { durationStats } from './duration-stats';
import type { ClockFact, ReportFact } from './report-facts';
import type { FeedbackComment, SatisfactionFigures } from './satisfaction';
import type {
  CountByKey,
  ReportBreach,
  ReportFilters,
  ServiceReport,
  ServiceReportQuery,
} from './service-report';
import {
  groupKeyOf,
  groupOf,
  type ClockOutcome,
  type SlaReportGroup,
  type SlaReportGroupBy,
} from './sla-report';

/**
 * The report facts laid out for a query a keystroke can wait for: one typed-array column
 * per field, each group key as a small integer, the breaches and comments pre-sorted. A
 * query is then one pass of integer compares and counter increments, with no object made
 * per ticket (at 100,000 tickets the allocations, not the arithmetic, cost the most).
 * Built once per load of the facts; the figures are exactly computeSlaReport's and the
 * definitions of service-report.ts.
 */

const DIMENSIONS = ['team', 'agent', 'category', 'priority', 'channel'] as const;
type Dimension = (typeof DIMENSIONS)[number];
const GROUPINGS: readonly SlaReportGroupBy[] = ['team', 'agent', 'category', 'priority'];
const OUTCOMES: readonly ClockOutcome[] = ['met', 'breached', 'running'];
const NO_POLICY = 255;
const MINUTE_MS = 60_000;

const keyOf = (fact: ReportFact, dimension: Dimension): string =>
  dimension === 'channel' ? fact.channel : groupKeyOf(fact, dimension);

/** A column of group keys, each as its index in `keys`. */
class KeyColumn {
  readonly keys: string[] = [];
  readonly codes: Int32Array;
  private readonly index = new Map<string, number>();

  constructor(size: number) {
    this.codes = new Int32Array(size);
  }

  set(i: number, key: string): void {
    let code = this.index.get(key);
    if (code === undefined) {
      code = this.keys.length;
      this.keys.push(key);
      this.index.set(key, code);
    }
    this.codes[i] = code;
  }

  /** -1: no filter; -2: a value no ticket has (nothing passes). */
  wanted(value: string | number | null | undefined): number {
    if (value == null) return -1;
    return this.index.get(String(value)) ?? -2;
  }
}

export class ReportIndex {
  private readonly facts: readonly ReportFact[];
  private readonly created: Float64Array;
  private readonly columns: Record<Dimension, KeyColumn>;
  /** OUTCOMES index of each clock, NO_POLICY for a ticket without a policy. */
  private readonly firstResponse: Uint8Array;
  private readonly resolution: Uint8Array;
  /** Minutes measured, NaN where the clock did not stop (or, for resolution, the ticket is not resolved now). */
  private readonly durations: Record<
    'frBusiness' | 'frCalendar' | 'resBusiness' | 'resCalendar',
    Float64Array
  >;
  /** 1 when the requester was asked for feedback; the rating given, 0 for none. */
  private readonly asked: Uint8Array;
  private readonly rating: Uint8Array;
  /** The status changes of ticket i are entries historyStart[i] … historyStart[i + 1] − 1. */
  private readonly historyStart: Int32Array;
  private readonly historyAt: Float64Array;
  private readonly historyStatus: Uint8Array;
  /** Tickets with a breached clock, newest first; tickets with a comment, newest comment first. */
  private readonly breachOrder: Int32Array;
  private readonly commentOrder: Int32Array;
  /** Scratch for the durations of one query (a query at a time: the index is not shared between threads). */
  private readonly scratch: Float64Array[];

  constructor(facts: readonly ReportFact[]) {
    const n = facts.length;
    this.facts = facts;
    this.created = new Float64Array(n);
    this.columns = Object.fromEntries(DIMENSIONS.map((d) => [d, new KeyColumn(n)])) as Record<
      Dimension,
      KeyColumn
    >;
    this.firstResponse = new Uint8Array(n);
    this.resolution = new Uint8Array(n);
    this.durations = {
      frBusiness: new Float64Array(n),
      frCalendar: new Float64Array(n),
      resBusiness: new Float64Array(n),
      resCalendar: new Float64Array(n),
    };
    this.asked = new Uint8Array(n);
    this.rating = new Uint8Array(n);
    this.historyStart = new Int32Array(n + 1);
    let entries = 0;
    for (const fact of facts) entries += fact.history.length;
    this.historyAt = new Float64Array(entries);
    this.historyStatus = new Uint8Array(entries);
    const breached: number[] = [];
    const commented: number[] = [];
    let h = 0;
    facts.forEach((fact, i) => {
      this.created[i] = fact.createdMs;
      for (const d of DIMENSIONS) this.columns[d].set(i, keyOf(fact, d));
      this.firstResponse[i] = fact.firstResponse ? OUTCOMES.indexOf(fact.firstResponse.outcome) : NO_POLICY;
      this.resolution[i] = fact.resolution ? OUTCOMES.indexOf(fact.resolution.outcome) : NO_POLICY;
      const resolvedNow = fact.status === 'resolved' || fact.status === 'closed';
      this.measure(i, 'frBusiness', 'frCalendar', fact, fact.firstResponse);
      this.measure(i, 'resBusiness', 'resCalendar', fact, resolvedNow ? fact.resolution : null);
      this.asked[i] = fact.feedback || resolvedNow ? 1 : 0;
      this.rating[i] = fact.feedback?.rating ?? 0;
      this.historyStart[i] = h;
      for (const change of fact.history) {
        this.historyAt[h] = change.at;
        this.historyStatus[h++] = TICKET_STATUSES.indexOf(change.status);
      }
      if (fact.firstResponse?.outcome === 'breached' || fact.resolution?.outcome === 'breached')
        breached.push(i);
      if (fact.feedback?.comment?.trim()) commented.push(i);
    });
    this.historyStart[n] = h;
    const byId = (a: number, b: number) =>
      facts[a]!.id < facts[b]!.id ? -1 : facts[a]!.id > facts[b]!.id ? 1 : 0;
    this.breachOrder = Int32Array.from(
      breached.sort((a, b) => facts[b]!.createdMs - facts[a]!.createdMs || byId(a, b)),
    );
    this.commentOrder = Int32Array.from(
      commented.sort((a, b) => facts[b]!.feedback!.at - facts[a]!.feedback!.at || byId(a, b)),
    );
    this.scratch = [0, 1, 2, 3].map(() => new Float64Array(n));
  }

  private measure(
    i: number,
    business: keyof ReportIndex['durations'],
    calendar: keyof ReportIndex['durations'],
    fact: ReportFact,
    clock: ClockFact | null,
  ): void {
    const stopped = clock?.stoppedMs ?? null;
    this.durations[business][i] = stopped === null ? NaN : clock!.businessMinutes;
    this.durations[calendar][i] = stopped === null ? NaN : (stopped - fact.createdMs) / MINUTE_MS;
  }

  get size(): number {
    return this.facts.length;
  }

  /** Whether ticket i passes the filters: per dimension (DIMENSIONS order) a code from KeyColumn.wanted. */
  private passes(i: number, codes: readonly Int32Array[], wanted: Int32Array): boolean {
    for (let d = 0; d < codes.length; d++) {
      const want = wanted[d]!;
      if (want !== -1 && codes[d]![i] !== want) return false;
    }
    return true;
  }

  compute(query: ServiceReportQuery): ServiceReport {
    const { period, filters } = query;
    // Arrays in DIMENSIONS order, not records keyed by name: the loop below runs per ticket.
    const codes = DIMENSIONS.map((d) => this.columns[d].codes);
    const wanted = Int32Array.from(DIMENSIONS, (d) => this.columns[d].wanted(filterValue(filters, d)));
    const { fromMs, toMs } = period;
    // Per dimension and key code: tickets, then the three outcomes of each clock.
    const counts = DIMENSIONS.map((d) => new Int32Array(this.columns[d].keys.length * 7));
    const total = new Int32Array(7);
    const backlog = new BacklogSeries(period.days);
    const [frBusiness, frCalendar, resBusiness, resCalendar] = this.scratch as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    let frCount = 0;
    let resCount = 0;
    let asked = 0;
    let answered = 0;
    let ratingSum = 0;
    const distribution: SatisfactionFigures['distribution'] = [0, 0, 0, 0, 0];
    let breachCount = 0;

    for (let i = 0; i < this.facts.length; i++) {
      if (!this.passes(i, codes, wanted)) continue;
      backlog.add(this.historyAt, this.historyStatus, this.historyStart[i]!, this.historyStart[i + 1]!);
      const created = this.created[i]!;
      if (!(created >= fromMs && created < toMs)) continue;
      total[0]!++;
      const fr = this.firstResponse[i]!;
      const res = this.resolution[i]!;
      for (let d = 0; d < codes.length; d++) {
        const base = codes[d]![i]! * 7;
        const row = counts[d]!;
        row[base]!++;
        if (fr !== NO_POLICY) {
          row[base + 1 + fr]!++;
          row[base + 4 + res]!++;
        }
      }
      if (this.asked[i]) asked++;
      const rating = this.rating[i]!;
      if (rating) {
        answered++;
        ratingSum += rating;
        distribution[rating - 1]!++;
      }
      if (fr === NO_POLICY) continue;
      total[1 + fr]!++;
      total[4 + res]!++;
      if (fr === 1 || res === 1) breachCount++;
      const fb = this.durations.frBusiness[i]!;
      if (fb === fb) {
        frBusiness[frCount] = fb;
        frCalendar[frCount++] = this.durations.frCalendar[i]!;
      }
      const rb = this.durations.resBusiness[i]!;
      if (rb === rb) {
        resBusiness[resCount] = rb;
        resCalendar[resCount++] = this.durations.resCalendar[i]!;
      }
    }

    const inQuery = (i: number) =>
      this.passes(i, codes, wanted) && this.created[i]! >= fromMs && this.created[i]! < toMs;
    const groupsOf = (d: Dimension): SlaReportGroup[] => {
      const { keys } = this.columns[d];
      const row = counts[DIMENSIONS.indexOf(d)]!;
      const groups: SlaReportGroup[] = [];
      keys.forEach((key, code) => {
        if (row[code * 7]! > 0) groups.push(groupOfCounts(key, row, code * 7));
      });
      return groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    };
    const volumeOf = (d: Dimension): CountByKey[] =>
      groupsOf(d)
        .map(({ key, tickets }) => ({ key, tickets }))
        .sort((a, b) => b.tickets - a.tickets || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

    return {
      fromMs,
      toMs,
      tickets: total[0]!,
      sla: {
        total: groupOfCounts('', total, 0),
        by: Object.fromEntries(GROUPINGS.map((g) => [g, groupsOf(g)])) as ServiceReport['sla']['by'],
        breaches: this.firstOf(this.breachOrder, inQuery, query.breachLimit ?? 50).map((i) =>
          this.breachOf(i),
        ),
        breachCount,
      },
      backlog: backlog.build(),
      times: {
        firstResponse: durationStats(frBusiness.subarray(0, frCount), frCalendar.subarray(0, frCount)),
        resolution: durationStats(resBusiness.subarray(0, resCount), resCalendar.subarray(0, resCount)),
      },
      satisfaction: {
        asked,
        answered,
        share: asked === 0 ? null : answered / asked,
        average: answered === 0 ? null : ratingSum / answered,
        distribution,
        comments: this.firstOf(this.commentOrder, inQuery, query.commentLimit ?? 10).map((i) =>
          this.commentOf(i),
        ),
      },
      volume: { byChannel: volumeOf('channel'), byCategory: volumeOf('category') },
    };
  }

  private firstOf(order: Int32Array, test: (i: number) => boolean, limit: number): number[] {
    const found: number[] = [];
    for (let k = 0; k < order.length && found.length < limit; k++) if (test(order[k]!)) found.push(order[k]!);
    return found;
  }

  private breachOf(i: number): ReportBreach {
    const fact = this.facts[i]!;
    return {
      ticketId: fact.id,
      number: fact.number,
      title: fact.title,
      priority: fact.priority,
      createdMs: fact.createdMs,
      clocks: (['firstResponse', 'resolution'] as const).filter(
        (clock) => fact[clock]?.outcome === 'breached',
      ),
    };
  }

  private commentOf(i: number): FeedbackComment {
    const fact = this.facts[i]!;
    const feedback = fact.feedback!;
    return {
      ticketId: fact.id,
      number: fact.number,
      rating: feedback.rating,
      comment: feedback.comment!,
      atMs: feedback.at,
    };
  }
}

function filterValue(filters: ReportFilters, d: Dimension): string | number | null | undefined {
  return d === 'team' ? filters.team : d === 'agent' ? filters.agent : filters[d];
}

/** A group from its seven counters: tickets, first response met/breached/running, resolution met/breached/running. */
function groupOfCounts(key: string, row: Int32Array, at: number): SlaReportGroup {
  const clock = (offset: number) => ({
    met: row[at + offset]!,
    breached: row[at + offset + 1]!,
    running: row[at + offset + 2]!,
  });
  return groupOf(key, { tickets: row[at]!, firstResponse: clock(1), resolution: clock(4) });
}

/** One report over some facts; a caller with many queries over the same facts keeps a ReportIndex. */
export function computeServiceReport(facts: readonly ReportFact[], query: ServiceReportQuery): ServiceReport {
  return new ReportIndex(facts).compute(query);
}
