import type { ServiceReport, ServiceReportQuery } from '../../../shared/reports/index';
import { ReportEngine } from './report-engine';
import { REPORT_MEASURE, type FromReportWorker, type ToReportWorker } from './report-protocol';
import {
  onTicketsWritten,
  readReportPolicies,
  readReportTickets,
  readReportTicketsById,
} from './report-source';

/**
 * The page's side of the report worker. The facts are loaded once; the tickets written
 * since are read again by id before the next report (a pull of a few tickets does not cost
 * a read of 100,000), so reopening the view or changing the period is one pass in the
 * worker. Queries are answered in order; the view keeps only the answer to its latest one.
 */

/** Facts judged longer ago than this are judged again when the view opens: running clocks move on. */
const FRESH_MS = 5 * 60_000;

interface Port {
  post(message: ToReportWorker): void;
  onAnswer(listener: (message: FromReportWorker) => void): void;
}

function workerPort(): Port {
  const worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (message) => worker.postMessage(message),
    onAnswer: (listener) => {
      worker.onmessage = (event: MessageEvent<FromReportWorker>) => listener(event.data);
    },
  };
}

/** Where Worker is missing (the unit tests' DOM), the same engine in this thread. */
function inThreadPort(): Port {
  const engine = new ReportEngine();
  let listener: (message: FromReportWorker) => void = () => undefined;
  return {
    post: (message) => {
      if (message.type === 'reset') engine.reset(message.policies, message.nowMs);
      else if (message.type === 'tickets') engine.add(message.tickets);
      else if (message.type === 'update') {
        engine.remove(message.removedIds);
        engine.add(message.tickets);
      } else
        queueMicrotask(() =>
          listener({ type: 'report', id: message.id, report: engine.compute(message.query), computeMs: 0 }),
        );
    },
    onAnswer: (next) => {
      listener = next;
    },
  };
}

export interface ReportAnswer {
  report: ServiceReport;
  /** When the clocks were judged. */
  judgedAtMs: number;
}

export class ReportClient {
  private readonly port: Port;
  private loadedAtMs: number | null = null;
  /** Tickets written since the load; 'all' when a write did not say which (or a load failed). */
  private changed: Set<string> | 'all' = 'all';
  private loading: Promise<void> | null = null;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve(report: ServiceReport): void; reject(error: Error): void }
  >();

  constructor(port: Port = typeof Worker === 'undefined' ? inThreadPort() : workerPort()) {
    this.port = port;
    port.onAnswer((message) => this.answer(message));
    onTicketsWritten((ids) => {
      if (ids === 'all') this.changed = 'all';
      else if (this.changed !== 'all') for (const id of ids) this.changed.add(id);
    });
  }

  private answer(message: FromReportWorker): void {
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    this.waiting.delete(message.id);
    if (message.type === 'report') waiting.resolve(message.report);
    else waiting.reject(new Error(message.message));
  }

  /** Brings the worker's facts up to the cache: all of them when old or unknown, else the tickets written since. */
  private ensureLoaded(nowMs: number): Promise<void> {
    if (!this.loading) {
      const old = this.loadedAtMs === null || Math.abs(nowMs - this.loadedAtMs) > FRESH_MS;
      const changed = this.changed;
      if (old || changed === 'all') {
        this.changed = new Set();
        this.loading = this.track(this.loadAll(nowMs));
      } else if (changed.size) {
        this.changed = new Set();
        this.loading = this.track(this.loadChanged([...changed]));
      }
    }
    return this.loading ?? Promise.resolve();
  }

  private async loadAll(nowMs: number): Promise<void> {
    this.port.post({ type: 'reset', policies: await readReportPolicies(), nowMs });
    await readReportTickets((tickets) => this.port.post({ type: 'tickets', tickets }));
    this.loadedAtMs = nowMs;
  }

  private async loadChanged(ids: string[]): Promise<void> {
    const rows = await readReportTicketsById(ids);
    const tickets = rows.filter((row) => row !== null);
    this.port.post({ type: 'update', tickets, removedIds: ids.filter((_, i) => rows[i] === null) });
  }

  private track(loading: Promise<void>): Promise<void> {
    return loading
      .catch((error: unknown) => {
        // Part of the tickets may have reached the worker: read them all again next time.
        this.changed = 'all';
        throw error;
      })
      .finally(() => {
        this.loading = null;
      });
  }

  async compute(query: ServiceReportQuery, nowMs: number): Promise<ReportAnswer> {
    const start = performance.now();
    await this.ensureLoaded(nowMs);
    const id = this.nextId++;
    const report = await new Promise<ServiceReport>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.port.post({ type: 'compute', id, query });
    });
    // Cleared first: the page's timeline would otherwise keep one entry per report all session.
    performance.clearMeasures(REPORT_MEASURE);
    performance.measure(REPORT_MEASURE, { start });
    return { report, judgedAtMs: this.loadedAtMs ?? nowMs };
  }
}

let client: ReportClient | null = null;

/** The page's one report client (its worker lives as long as the page). */
export function reportClient(): ReportClient {
  client ??= new ReportClient();
  return client;
}
