import {
  computeServiceReport,
  toReportFact,
  type ReportFact,
  type ReportFactTicket,
  type ServiceReport,
  type ServiceReportQuery,
} from '../../../shared/reports/index';
import type { SlaPolicy } from '../../../shared/index';

/**
 * The report's state wherever it runs (the Web Worker, or in-thread where there is none):
 * the facts of every cached ticket, judged once at `now`, then a report per query. A
 * change of period or filter is one pass over the facts; only a reload judges the clocks
 * again.
 */
export class ReportEngine {
  private facts: ReportFact[] = [];
  private policies: ReadonlyMap<string, SlaPolicy> = new Map();
  private now = new Date(0);

  reset(policies: readonly SlaPolicy[], nowMs: number): void {
    this.facts = [];
    this.policies = new Map(policies.map((policy) => [policy.id, policy]));
    this.now = new Date(nowMs);
  }

  add(tickets: readonly ReportFactTicket[]): void {
    for (const ticket of tickets) this.facts.push(toReportFact(ticket, this.policies, this.now));
  }

  get size(): number {
    return this.facts.length;
  }

  compute(query: ServiceReportQuery): ServiceReport {
    return computeServiceReport(this.facts, query);
  }
}
