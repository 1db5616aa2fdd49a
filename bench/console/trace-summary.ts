/**
 * Where the renderer's main thread spent a traced stretch of input, from a Chromium trace
 * (devtools.timeline events): the time of each top-level task kind, nested work counted
 * once, in the kind that contains it (a React render inside a key's handler is
 * `EventDispatch`; one run by React's scheduler is `FunctionCall`; the virtualizer's
 * scroll work is `FireAnimationFrame`; then `UpdateLayoutTree`, `Layout`, `Paint`…).
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Milliseconds per kind, largest first. */
export type MainThreadTime = Array<{ name: string; ms: number; count: number }>;

const MAIN_THREAD = 'CrRendererMain';
/** Envelopes around everything a task does: counting them would hide what ran inside. */
const ENVELOPES = new Set([
  'RunTask',
  'ThreadControllerImpl::RunTask',
  'ThreadController::Task',
  'SequenceManager::DoIdleWork',
]);

/** The renderer main threads in a trace (of process `pid` only, if given), as `pid:tid`. */
export function mainThreads(events: readonly TraceEvent[], pid?: number): Set<string> {
  return new Set(
    events
      .filter(
        (e) =>
          e.ph === 'M' &&
          e.name === 'thread_name' &&
          e.args?.name === MAIN_THREAD &&
          (pid === undefined || e.pid === pid),
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
}

export function mainThreadTime(events: readonly TraceEvent[], pid?: number): MainThreadTime {
  const threads = mainThreads(events, pid);
  const slices = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        typeof e.dur === 'number' &&
        threads.has(`${e.pid}:${e.tid}`) &&
        !ENVELOPES.has(e.name),
    )
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const totals = new Map<string, { ms: number; count: number }>();
  const openEnd = new Map<string, number>();
  for (const slice of slices) {
    const thread = `${slice.pid}:${slice.tid}`;
    // Inside a slice already counted: its time is part of that one's.
    if (slice.ts < (openEnd.get(thread) ?? -Infinity)) continue;
    openEnd.set(thread, slice.ts + slice.dur!);
    const total = totals.get(slice.name) ?? { ms: 0, count: 0 };
    total.ms += slice.dur! / 1000;
    total.count += 1;
    totals.set(slice.name, total);
  }
  return [...totals].map(([name, t]) => ({ name, ms: t.ms, count: t.count })).sort((a, b) => b.ms - a.ms);
}
