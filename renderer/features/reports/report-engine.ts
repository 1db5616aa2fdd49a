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
 * judges the clocks again.
 */
export class ReportEngine {
  private facts: ReportFact[] = [];
  private policies: ReadonlyMap<string, SlaPolicy> = new Map();
  private now = new Date(0);
  private index: ReportIndex | null = null;

  reset(policies: readonly SlaPolicy[], nowMs: number): void {
    this.facts = [];
    this.index = null;
    this.policies = new Map(policies.map((policy) => [policy.id, policy]));
    this.now = new Date(nowMs);
  }

  add(tickets: readonly ReportFactTicket[]): void {
    for (const ticket of tickets) this.facts.push(toReportFact(ticket, this.policies, this.now));
    this.index = null;
  }

  get size(): number {
    return this.facts.length;
  }

  compute(query: ServiceReportQuery): ServiceReport {
    this.index ??= new ReportIndex(this.facts);
    return this.index.compute(query);
  }
}
