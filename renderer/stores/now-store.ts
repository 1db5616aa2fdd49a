import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * One clock for every live countdown on screen. A single interval runs while anything
 * listens; each listener picks a granularity, so a badge showing minutes re-renders a
 * few times a minute, not every second, and 40 visible rows cost 40 comparisons.
 */
const useNowStore = create<{ now: number }>()(() => ({ now: Date.now() }));

let timer: ReturnType<typeof setInterval> | undefined;
let listeners = 0;

function subscribe(): () => void {
  listeners += 1;
  if (!timer) timer = setInterval(() => useNowStore.setState({ now: Date.now() }), 1000);
  return () => {
    listeners -= 1;
    if (listeners === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, rounded down to `granularityMs`, updating while mounted. */
export function useNow(granularityMs = 1000): number {
  useEffect(subscribe, []);
  return useNowStore((s) => s.now - (s.now % granularityMs));
}
