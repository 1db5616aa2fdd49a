import { describe, expect, it } from 'vitest';
import { DURATION_THRESHOLD_MS, interactionsOf, type EventEntry } from './event-timing';

const entry = (
  interactionId: number,
  startTime: number,
  duration: number,
  name = 'keydown',
  processing: [number, number] = [startTime + 2, startTime + 10],
): EventEntry => ({
  name,
  interactionId,
  startTime,
  duration,
  processingStart: processing[0],
  processingEnd: processing[1],
});

describe('interactionsOf', () => {
  it('gives each measured input the slowest event of the interaction that followed its mark', () => {
    const marks = [
      { at: 100, label: 'j' },
      { at: 200, label: 'j' },
    ];
    const entries = [
      entry(7, 101, 24, 'keydown', [103, 120]),
      entry(7, 150, 16, 'keyup'),
      entry(8, 202, 48, 'keydown', [210, 230]),
    ];
    expect(interactionsOf(marks, entries)).toEqual([
      { label: 'j', duration: 24, inputDelay: 2, processing: 17, presentation: 5, reported: true },
      { label: 'j', duration: 48, inputDelay: 8, processing: 20, presentation: 20, reported: true },
    ]);
  });

  it('counts an input that painted under the threshold (no entry) as the threshold', () => {
    const [press] = interactionsOf([{ at: 0, label: 'open' }], []);
    expect(press).toMatchObject({ label: 'open', duration: DURATION_THRESHOLD_MS, reported: false });
  });

  it('leaves out inputs that are not measured, and the events they caused', () => {
    const marks = [
      { at: 0, label: 'open' },
      { at: 500, label: null },
      { at: 900, label: 'open' },
    ];
    const entries = [entry(1, 5, 40), entry(2, 505, 300, 'keydown'), entry(3, 905, 56)];
    expect(interactionsOf(marks, entries).map((i) => [i.label, i.duration])).toEqual([
      ['open', 40],
      ['open', 56],
    ]);
  });

  it('ignores events that are no interaction (interactionId 0: hover, scroll)', () => {
    const marks = [{ at: 0, label: 'queue' }];
    const entries = [entry(0, 3, 400, 'pointerover'), entry(4, 5, 32, 'click')];
    expect(interactionsOf(marks, entries)[0]?.duration).toBe(32);
  });

  it('does not depend on the order the marks were handed over', () => {
    const marks = [
      { at: 200, label: 'b' },
      { at: 100, label: 'a' },
    ];
    const entries = [entry(1, 150, 24), entry(2, 250, 64)];
    expect(interactionsOf(marks, entries).map((i) => [i.label, i.duration])).toEqual([
      ['a', 24],
      ['b', 64],
    ]);
  });
});
