import { ReportEngine } from './report-engine';
import type { FromReportWorker, ToReportWorker } from './report-protocol';

/**
 * The report's computation off the main thread: judging 100,000 SLA clocks takes about a
 * second, and the queue must stay responsive meanwhile. Messages come only from the page
 * that started this worker (same origin), in order.
 */
const engine = new ReportEngine();
/** The worker's side of its port (the renderer's types are the window's, not a worker's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToReportWorker>) => void) | null;
  postMessage(message: FromReportWorker): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event: MessageEvent<ToReportWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'reset':
      engine.reset(message.policies, message.nowMs);
      return;
    case 'tickets':
      engine.add(message.tickets);
      return;
    case 'update':
      engine.remove(message.removedIds);
      engine.add(message.tickets);
      return;
    case 'compute': {
      const started = performance.now();
      let answer: FromReportWorker;
      try {
        const report = engine.compute(message.query);
        answer = { type: 'report', id: message.id, report, computeMs: performance.now() - started };
      } catch (error) {
        answer = {
          type: 'failed',
          id: message.id,
          message: error instanceof Error ? error.message : String(error),
        };
      }
      scope.postMessage(answer);
      return;
    }
  }
};
