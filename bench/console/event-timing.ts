/**
 * Input → next paint, as the Event Timing API reports it: Chromium times every input from
 * the moment it arrived to the paint that followed it, and gives the events of one key
 * press or one click the same `interactionId`. The bench marks the page's clock just before
 * it sends each input; an interaction belongs to the last mark before it started.
 */

/** The smallest threshold the API allows: an interaction that painted sooner is never reported. */
export const DURATION_THRESHOLD_MS = 16;

/** One `event` entry, as the page script copies it out. */
export interface EventEntry {
  name: string;
  interactionId: number;
  startTime: number;
  duration: number;
  processingStart: number;
  processingEnd: number;
}

/** The page's clock just before an input was sent; `label` null for an input not measured (e.g. Escape back to the queue). */
export interface InputMark {
  at: number;
  label: string | null;
}

/**
 * One measured input. `duration` is input → next paint; the three parts are the wait before
 * the page's handlers ran, the handlers themselves (React's render for a key handled
 * synchronously), and handlers' end → paint (layout, style, commit work scheduled after).
 * An input with no entry painted within the threshold: it counts as the threshold, an upper bound.
 */
export interface Interaction {
  label: string;
  duration: number;
  inputDelay: number;
  processing: number;
  presentation: number;
  reported: boolean;
}

export function interactionsOf(marks: readonly InputMark[], entries: readonly EventEntry[]): Interaction[] {
  const sorted = [...marks].sort((a, b) => a.at - b.at);
  const out: Interaction[] = [];
  sorted.forEach((mark, i) => {
    if (mark.label === null) return;
    const end = sorted[i + 1]?.at ?? Infinity;
    const inWindow = entries.filter(
      (e) => e.interactionId > 0 && e.startTime >= mark.at && e.startTime < end,
    );
    // The slowest event of the slowest interaction: the press as the agent felt it.
    const slowest = inWindow.reduce<EventEntry | null>(
      (worst, e) => (worst === null || e.duration > worst.duration ? e : worst),
      null,
    );
    if (slowest === null) {
      out.push({
        label: mark.label,
        duration: DURATION_THRESHOLD_MS,
        inputDelay: 0,
        processing: 0,
        presentation: 0,
        reported: false,
      });
      return;
    }
    const inputDelay = Math.max(0, slowest.processingStart - slowest.startTime);
    const processing = Math.max(0, slowest.processingEnd - slowest.processingStart);
    out.push({
      label: mark.label,
      duration: slowest.duration,
      inputDelay,
      processing,
      presentation: Math.max(0, slowest.duration - inputDelay - processing),
      reported: true,
    });
  });
  return out;
}

/** Starts keeping every `event` entry of this document in `__mesaEvents` (idempotent). */
export const observeEvents = `(() => {
  if (globalThis.__mesaEvents) return true;
  if (!PerformanceObserver.supportedEntryTypes.includes('event')) return false;
  const kept = [];
  globalThis.__mesaEvents = kept;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      kept.push({ name: e.name, interactionId: e.interactionId ?? 0, startTime: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd });
    }
  }).observe({ type: 'event', durationThreshold: ${DURATION_THRESHOLD_MS}, buffered: true });
  return true;
})()`;

/**
 * The entries kept so far, and empties the list. Waits two frames and a moment first: an
 * entry is only delivered after the paint that ended it has been presented.
 */
export const takeEvents = `(async () => {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 150))));
  return globalThis.__mesaEvents.splice(0);
})()`;

export const pageNow = 'performance.now()';
