import { mainThreads, type TraceEvent } from './console/trace-summary';

/**
 * The renderer main thread's long tasks in a Chromium trace, each split into what ran in
 * it: a task is one `RunTask` slice, and its parts are the slices directly inside it
 * (a timer's callback, a worker's message, a React render, layout, paint, GC), each named
 * with the script function it entered first, so a long task can be pinned on the code
 * that ran it (the bundle's file:line:column, which its source map turns into ours).
 */

export interface FunctionData {
  functionName?: string;
  url?: string;
  lineNumber?: number;
  columnNumber?: number;
}

export type TimelineEvent = TraceEvent & { tdur?: number; args?: { name?: string; data?: FunctionData } };

export interface TaskPart {
  what: string;
  ms: number;
}

export interface LongTask {
  /** From the first event of the trace. */
  atMs: number;
  ms: number;
  /**
   * The thread's CPU time in it, where the trace has it: on a loaded machine the OS takes
   * the thread off the CPU mid-task, and a task's wall time grows with the load, not the code.
   */
  cpuMs: number | null;
  /** Largest first; the time in no named slice is "other". */
  parts: TaskPart[];
}

const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

function where(data: FunctionData | undefined): string {
  if (!data?.url) return '';
  const file = data.url.slice(data.url.lastIndexOf('/') + 1);
  return ` ${data.functionName || '(anonymous)'} ${file}:${data.lineNumber ?? 0}:${data.columnNumber ?? 0}`;
}

const within = (outer: TimelineEvent, inner: TimelineEvent) =>
  inner.ts >= outer.ts && inner.ts + inner.dur! <= outer.ts + outer.dur!;

function mainThreadSlices(events: readonly TimelineEvent[], pid: number | undefined): TimelineEvent[] {
  const threads = mainThreads(events, pid);
  return events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && threads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
}

/** The most CPU time any one task of the main thread took; null where the trace has no thread times. */
export function longestTaskCpuMs(events: readonly TimelineEvent[], pid: number | undefined): number | null {
  const times = mainThreadSlices(events, pid)
    .filter((e) => TASK.has(e.name) && typeof e.tdur === 'number')
    .map((e) => e.tdur! / 1000);
  return times.length ? Math.max(...times) : null;
}

export function longTasks(
  events: readonly TimelineEvent[],
  pid: number | undefined,
  minMs: number,
): LongTask[] {
  const origin = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const slices = mainThreadSlices(events, pid);
  const tasks = slices.filter((e) => TASK.has(e.name) && e.dur! / 1000 > minMs);
  return tasks.map((task) => {
    const inside = slices.filter(
      (e) => e !== task && !TASK.has(e.name) && e.tid === task.tid && e.pid === task.pid && within(task, e),
    );
    const parts = new Map<string, number>();
    let end = -Infinity;
    let named = 0;
    for (const slice of inside) {
      // Nested in a part already counted: its time is that part's.
      if (slice.ts < end) continue;
      end = slice.ts + slice.dur!;
      const call = inside.find((e) => e.name === 'FunctionCall' && within(slice, e));
      const what = `${slice.name}${where(call?.args?.data ?? slice.args?.data)}`;
      parts.set(what, (parts.get(what) ?? 0) + slice.dur! / 1000);
      named += slice.dur! / 1000;
    }
    const ms = task.dur! / 1000;
    if (ms - named > 0.05) parts.set('other', ms - named);
    return {
      atMs: (task.ts - origin) / 1000,
      ms,
      cpuMs: typeof task.tdur === 'number' ? task.tdur / 1000 : null,
      parts: [...parts].map(([what, partMs]) => ({ what, ms: partMs })).sort((a, b) => b.ms - a.ms),
    };
  });
}

export function formatLongTask(task: LongTask): string {
  const parts = task.parts.map((p) => `${p.what} ${p.ms.toFixed(1)}`).join('; ');
  const cpu = task.cpuMs === null ? '' : ` (${task.cpuMs.toFixed(1)} ms CPU)`;
  return `${task.ms.toFixed(1)} ms${cpu} at ${(task.atMs / 1000).toFixed(2)} s: ${parts}`;
}
