import { describe, expect, it } from 'vitest';
import { mainThreadTime, type TraceEvent } from './trace-summary';

const meta = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid,
  tid,
  args: { name },
});
const slice = (name: string, ts: number, durMs: number, tid = 1, pid = 10): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur: durMs * 1000,
  pid,
  tid,
});

describe('mainThreadTime', () => {
  it('counts nested work once, in the task that contains it', () => {
    const events = [
      meta(10, 1, 'CrRendererMain'),
      slice('RunTask', 0, 30),
      slice('EventDispatch', 0, 20),
      slice('FunctionCall', 1_000, 15),
      slice('MinorGC', 2_000, 3),
      slice('Layout', 20_000, 6),
      slice('Paint', 26_000, 2),
    ];
    expect(mainThreadTime(events)).toEqual([
      { name: 'EventDispatch', ms: 20, count: 1 },
      { name: 'Layout', ms: 6, count: 1 },
      { name: 'Paint', ms: 2, count: 1 },
    ]);
  });

  it('adds up the same kind across tasks, largest kind first', () => {
    const events = [
      meta(10, 1, 'CrRendererMain'),
      slice('Layout', 0, 4),
      slice('FunctionCall', 10_000, 5),
      slice('Layout', 20_000, 4),
    ];
    expect(mainThreadTime(events)).toEqual([
      { name: 'Layout', ms: 8, count: 2 },
      { name: 'FunctionCall', ms: 5, count: 1 },
    ]);
  });

  it('leaves out other threads and processes (compositor, the browser process)', () => {
    const events = [
      meta(10, 1, 'CrRendererMain'),
      meta(10, 2, 'Compositor'),
      meta(20, 1, 'CrBrowserMain'),
      slice('Paint', 0, 1),
      slice('Paint', 0, 50, 2),
      slice('FunctionCall', 0, 70, 1, 20),
    ];
    expect(mainThreadTime(events)).toEqual([{ name: 'Paint', ms: 1, count: 1 }]);
  });

  it('keeps to the page’s renderer when a process id is given', () => {
    const events = [
      meta(10, 1, 'CrRendererMain'),
      meta(30, 1, 'CrRendererMain'),
      slice('Layout', 0, 2),
      slice('Layout', 0, 9, 1, 30),
    ];
    expect(mainThreadTime(events, 30)).toEqual([{ name: 'Layout', ms: 9, count: 1 }]);
  });
});
