import { describe, expect, it } from 'vitest';
import { priorityOf } from './priority';
import type { Impact, Urgency } from './types';

describe('priorityOf', () => {
  const matrix: Array<[Impact, Urgency, number]> = [
    [1, 1, 1],
    [1, 2, 2],
    [1, 3, 3],
    [2, 1, 2],
    [2, 2, 3],
    [2, 3, 4],
    [3, 1, 3],
    [3, 2, 4],
    [3, 3, 5],
  ];
  it.each(matrix)('impact %i × urgency %i → P%i', (impact, urgency, priority) => {
    expect(priorityOf(impact, urgency)).toBe(priority);
  });

  const bad: unknown[] = [0, 4, -1, 1.5, 2.0000001, NaN, Infinity, '1', '2', null, undefined, true, {}, [1]];
  it.each(bad.map((value) => [value]))('rejects impact %s with RangeError', (value) => {
    expect(() => priorityOf(value as Impact, 1)).toThrow(RangeError);
  });
  it.each(bad.map((value) => [value]))('rejects urgency %s with RangeError', (value) => {
    expect(() => priorityOf(2, value as Urgency)).toThrow(RangeError);
  });
});
