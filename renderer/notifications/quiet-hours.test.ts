import { describe, expect, it } from 'vitest';
import { isQuietAt, quietHoursEnd } from './quiet-hours';

const night = { start: '22:00', end: '07:00', timeZone: 'Europe/Madrid' };
const lunch = { start: '14:00', end: '15:30', timeZone: 'Europe/Madrid' };

describe('quiet hours', () => {
  it('wrap midnight', () => {
    expect(isQuietAt(night, new Date('2025-03-10T21:30:00Z'))).toBe(true); // 22:30 Madrid (CET)
    expect(isQuietAt(night, new Date('2025-03-10T05:59:00Z'))).toBe(true); // 06:59
    expect(isQuietAt(night, new Date('2025-03-10T06:00:00Z'))).toBe(false); // 07:00: end is exclusive
    expect(isQuietAt(night, new Date('2025-03-10T12:00:00Z'))).toBe(false);
  });

  it('work within a day', () => {
    expect(isQuietAt(lunch, new Date('2025-07-10T12:15:00Z'))).toBe(true); // 14:15 Madrid (CEST)
    expect(isQuietAt(lunch, new Date('2025-07-10T13:30:00Z'))).toBe(false); // 15:30
  });

  it('follow the agent’s own time zone', () => {
    const lisbon = { ...lunch, timeZone: 'Europe/Lisbon' };
    expect(isQuietAt(lisbon, new Date('2025-07-10T12:15:00Z'))).toBe(false); // 13:15 in Lisbon
    expect(isQuietAt(lisbon, new Date('2025-07-10T13:15:00Z'))).toBe(true);
  });

  it('end at the next local end time, across midnight and DST', () => {
    expect(quietHoursEnd(night, new Date('2025-03-10T21:30:00Z'))?.toISOString()).toBe(
      '2025-03-11T06:00:00.000Z',
    );
    // The night Madrid springs forward (30 March 2025): 07:00 CEST is 05:00Z.
    expect(quietHoursEnd(night, new Date('2025-03-29T23:00:00Z'))?.toISOString()).toBe(
      '2025-03-30T05:00:00.000Z',
    );
    expect(quietHoursEnd(night, new Date('2025-03-10T12:00:00Z'))).toBeNull();
  });

  it('never silence anything when switched off or malformed', () => {
    const at = new Date('2025-03-10T23:00:00Z');
    expect(isQuietAt(null, at)).toBe(false);
    expect(isQuietAt({ start: '09:00', end: '09:00', timeZone: 'UTC' }, at)).toBe(false);
    expect(isQuietAt({ start: '25:00', end: '07:00', timeZone: 'UTC' }, at)).toBe(false);
    expect(isQuietAt({ start: '22:00', end: '07:00', timeZone: 'Mars/Olympus' }, at)).toBe(false);
  });
});
