import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useDrawnInTurn } from './use-drawn-in-turn';

/**
 * A report's charts draw one per task: each chart's new numbers are committed (and so
 * drawn) in a task of its own, so the browser handles the agent's input between two charts
 * instead of after all eight. The browser's task queue (scheduler.postTask) is stepped by
 * hand here.
 */

const tasks: Array<() => void> = [];

beforeEach(() => {
  (globalThis as { scheduler?: unknown }).scheduler = {
    postTask: <T,>(callback: () => T) => new Promise<T>((resolve) => tasks.push(() => resolve(callback()))),
  };
});

afterEach(() => {
  delete (globalThis as { scheduler?: unknown }).scheduler;
  tasks.length = 0;
});

function Probe({ id, value }: { id: string; value: number }) {
  const drawn = useDrawnInTurn(value);
  return (
    <p data-testid={id} aria-busy={drawn !== value}>
      {drawn ?? '–'}
    </p>
  );
}

const runOneTask = () => act(async () => tasks.shift()!());
const drawnCount = () =>
  screen.getAllByRole('paragraph').filter((p) => p.getAttribute('aria-busy') === 'false').length;

describe('drawing in turns', () => {
  it('draws one chart per task, each busy until its turn, and a new value again in its own task', async () => {
    const { rerender } = render(
      <>
        <Probe id="a" value={1} />
        <Probe id="b" value={2} />
        <Probe id="c" value={3} />
      </>,
    );
    expect(drawnCount()).toBe(0);
    expect(tasks).toHaveLength(3);
    const seen: number[] = [];
    while (tasks.length) {
      await runOneTask();
      seen.push(drawnCount());
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(screen.getByTestId('b').textContent).toBe('2');

    rerender(
      <>
        <Probe id="a" value={1} />
        <Probe id="b" value={20} />
        <Probe id="c" value={3} />
      </>,
    );
    // Only the chart whose numbers changed waits for a turn; its old numbers stay, marked busy.
    expect(tasks).toHaveLength(1);
    expect(screen.getByTestId('b').textContent).toBe('2');
    expect(screen.getByTestId('b').getAttribute('aria-busy')).toBe('true');
    await runOneTask();
    expect(screen.getByTestId('b').textContent).toBe('20');
    expect(drawnCount()).toBe(3);
  });
});
