import {
  ReportIndex,
  toReportFact,
  type ReportFact,
  type ReportFactTicket,
  type ServiceReport,
  type ServiceReportQuery,
} from '../../../shared/reports/index';
import type { SlaPolicy } from '../../../shared/index';

/**
 * The report's state wherever it runs (the Web Worker, or in-thread where there is none):
 * the facts of every cached ticket, judged once at `now` and indexed once, then a report
 * per query. A change of period or filter is one pass over the index; only a reload
 * judges the clocks again, and a ticket written since is judged again alone.
 */
export class ReportEngine {
  private facts = new Map<string, ReportFact>();
  private policies: ReadonlyMap<string, SlaPolicy> = new Map();
  private now = new Date(0);
  private index: ReportIndex | null = null;

  reset(policies: readonly SlaPolicy[], nowMs: number): void {
    this.facts = new Map();
    this.index = null;
    this.policies = new Map(policies.map((policy) => [policy.id, policy]));
    this.now = new Date(nowMs);
  }

  add(tickets: readonly ReportFactTicket[]): void {
    for (const ticket of tickets) this.facts.set(ticket.id, toReportFact(ticket, this.policies, this.now));
    this.index = null;
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) this.facts.delete(id);
    this.index = null;
  }

  get size(): number {
    return this.facts.size;
  }

  compute(query: ServiceReportQuery): ServiceReport {
    this.index ??= new ReportIndex([...this.facts.values()]);
    return this.index.compute(query);
  }
}
