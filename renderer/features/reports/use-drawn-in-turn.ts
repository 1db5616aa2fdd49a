import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { inOwnTask } from './main-thread-turn';

/**
 * What a chart draws: `value` once its turn came (null before the first). A new value is
 * committed in a task of its own, at once (flushSync), so the chart's draw, which
 * react-chartjs-2 runs in an effect of that commit, happens in that task too: a report's
 * eight charts are eight short tasks with the agent's input handled between them, not one
 * long one behind the view's render.
 */
export function useDrawnInTurn<T>(value: T): T | null {
  const [drawn, setDrawn] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    void inOwnTask(() => {
      if (live) flushSync(() => setDrawn(value));
    }, 'user-visible');
    return () => {
      live = false;
    };
  }, [value]);
  return drawn;
}
