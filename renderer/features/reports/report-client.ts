import type { ServiceReport, ServiceReportQuery } from '../../../shared/reports/index';
import { ReportEngine } from './report-engine';
import type { FromReportWorker, ToReportWorker } from './report-protocol';
import { onTicketsWritten, readReportPolicies, readReportTickets } from './report-source';

/**
 * The page's side of the report worker. The facts are loaded once and kept while the cache
 * does not change (a write marks them stale; the next open reloads), so reopening the view
 * or changing the period is one pass in the worker. Queries are answered in order; the
 * view keeps only the answer to its latest one.
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
      else queueMicrotask(() => listener({ type: 'report', id: message.id, report: engine.compute(message.query), computeMs: 0 }));
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
  private stale = true;
  private loading: Promise<void> | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(report: ServiceReport): void; reject(error: Error): void }>();

  constructor(port: Port = typeof Worker === 'undefined' ? inThreadPort() : workerPort()) {
    this.port = port;
    port.onAnswer((message) => this.answer(message));
    onTicketsWritten(() => {
      this.stale = true;
    });
  }

  private answer(message: FromReportWorker): void {
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    this.waiting.delete(message.id);
    if (message.type === 'report') waiting.resolve(message.report);
    else waiting.reject(new Error(message.message));
  }

  /** Reads the cache into the worker when it changed or its clocks are old. */
  private ensureLoaded(nowMs: number): Promise<void> {
    const old = this.loadedAtMs === null || Math.abs(nowMs - this.loadedAtMs) > FRESH_MS;
    if (!this.loading && (this.stale || old)) {
      this.stale = false;
      this.loading = (async () => {
        this.port.post({ type: 'reset', policies: await readReportPolicies(), nowMs });
        await readReportTickets((tickets) => this.port.post({ type: 'tickets', tickets }));
        this.loadedAtMs = nowMs;
      })()
        .catch((error: unknown) => {
          // Half the tickets may have reached the worker: read them all again next time.
          this.stale = true;
          throw error;
        })
        .finally(() => {
          this.loading = null;
        });
    }
    return this.loading ?? Promise.resolve();
  }

  async compute(query: ServiceReportQuery, nowMs: number): Promise<ReportAnswer> {
    await this.ensureLoaded(nowMs);
    const id = this.nextId++;
    const report = await new Promise<ServiceReport>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.port.post({ type: 'compute', id, query });
    });
    return { report, judgedAtMs: this.loadedAtMs ?? nowMs };
  }
}

let client: ReportClient | null = null;

/** The page's one report client (its worker lives as long as the page). */
export function reportClient(): ReportClient {
  client ??= new ReportClient();
  return client;
}
