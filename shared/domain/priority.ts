import type { Impact, Priority, Urgency } from './types';

/**
 * ITIL's 3×3 matrix: priority = impact + urgency − 1, so P1 (critical) needs both high
 * and P5 (planning) both low. Values arrive from the wire and from forms, so anything but
 * the integers 1–3 is refused rather than coerced ('1', 1.5, NaN, 0, 4 → RangeError).
 */
export function priorityOf(impact: Impact, urgency: Urgency): Priority {
  if (!isLevel(impact)) throw new RangeError(`Impact must be 1, 2 or 3, got ${describe(impact)}.`);
  if (!isLevel(urgency)) throw new RangeError(`Urgency must be 1, 2 or 3, got ${describe(urgency)}.`);
  return (impact + urgency - 1) as Priority;
}

function isLevel(value: unknown): value is 1 | 2 | 3 {
  return value === 1 || value === 2 || value === 3;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
