import { describe, expect, it } from 'vitest';
import { formatLongTask, longestTaskCpuMs, longTasks, type TimelineEvent } from './reports-long-tasks';

const meta = (pid: number, tid: number, name: string): TimelineEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid,
  tid,
  args: { name },
});
const slice = (
  name: string,
  ts: number,
  durMs: number,
  extra: Partial<TimelineEvent> = {},
): TimelineEvent => ({
  name,
  ph: 'X',
  ts,
  dur: durMs * 1000,
  pid: 10,
  tid: 1,
  ...extra,
});

describe('longTasks', () => {
  const events = [
    meta(10, 1, 'CrRendererMain'),
    meta(10, 2, 'DedicatedWorker thread'),
    // A long task: a timer whose callback is ours, then a layout; 80 ms wall, 12 ms CPU.
    slice('RunTask', 1_000, 80, { tdur: 12_000 }),
    slice('TimerFire', 1_000, 60),
    slice('FunctionCall', 1_100, 59, {
      args: {
        data: {
          functionName: 'slice',
          url: 'http://host/assets/index-abc.js',
          lineNumber: 69,
          columnNumber: 40,
        },
      },
    }),
    slice('Layout', 61_000, 15),
    // Short, and one on the worker's thread: neither is the main thread's long task.
    slice('RunTask', 100_000, 20, { tdur: 20_000 }),
    slice('RunTask', 0, 500, { tid: 2, tdur: 500_000 }),
  ];

  it('splits each long task of the main thread into what ran in it, named by the function it entered', () => {
    const [task, ...rest] = longTasks(events, 10, 50);
    expect(rest).toEqual([]);
    expect(task!.ms).toBe(80);
    expect(task!.cpuMs).toBe(12);
    expect(task!.parts).toEqual([
      { what: 'TimerFire slice index-abc.js:69:40', ms: 60 },
      { what: 'Layout', ms: 15 },
      { what: 'other', ms: 5 },
    ]);
    expect(formatLongTask(task!)).toBe(
      '80.0 ms (12.0 ms CPU) at 0.00 s: TimerFire slice index-abc.js:69:40 60.0; Layout 15.0; other 5.0',
    );
  });

  it("gives the most CPU any one main-thread task took, not the worker's", () => {
    expect(longestTaskCpuMs(events, 10)).toBe(20);
  });
});
