import type { BusinessCalendar, Priority, SlaPolicy, SlaTarget } from './types';

/**
 * Ready-made calendars and SLA policies: the demo data, and a starting point for teams.
 *
 * One SlaPolicy has one calendar, so round-the-clock and office-hours targets are two
 * policies. Targets are in business minutes of the policy's calendar: on the split-day
 * calendar a "business day" is counted as 8 business hours (480 min), the Monday–Thursday
 * length; Friday's 7 hours make a Friday-spanning target end slightly later in wall time.
 *
 * 'default' — CALENDAR_SPANISH_SPLIT (Europe/Madrid, Mon–Thu 09–14 + 16–19, Fri 08–15)
 * | P | meaning            | first response        | resolution               |
 * |---|--------------------|-----------------------|--------------------------|
 * | 1 | critical           | 15 min                | 4 h (240)                |
 * | 2 | high               | 30 min                | 8 h = 1 day (480)        |
 * | 3 | medium             | 2 h (120)             | 3 days (1 440)           |
 * | 4 | low                | 4 h (240)             | 5 days (2 400)           |
 * | 5 | planning           | 2 days (960)          | 10 days (4 800)          |
 * Why: first response grows roughly ×2 per level so a queue sorted by due time is also
 * sorted by priority; resolution of P3–P5 in whole days because that is how requesters
 * are told ("within three working days"). P1 in business time is a floor for teams that
 * have no on-call rota; a team that does uses 'critical-24x7' for its P1 tickets.
 *
 * 'critical-24x7' — CALENDAR_24X7 (UTC; real minutes, every day, every hour)
 * | P | first response | resolution   |
 * |---|----------------|--------------|
 * | 1 | 15 min         | 4 h (240)    |
 * | 2 | 30 min         | 8 h (480)    |
 * | 3 | 2 h (120)      | 24 h (1 440) |
 * | 4 | 4 h (240)      | 72 h (4 320) |
 * | 5 | 24 h (1 440)   | 7 d (10 080) |
 * Why: P1 is the ITIL "major incident" target (15 min / 4 h, any hour); lower levels keep
 * the same first-response ladder and take calendar time for resolution, because a
 * round-the-clock contract promises elapsed time, not working days.
 *
 * Both warn at 80 % of a target, the usual point where a lead still has time to act.
 * The holidays are Spain's national ones for 2026–2027 (regional and local ones vary
 * by community and town; a team adds its own).
 */

const HOUR = 60;
const BUSINESS_DAY = 8 * HOUR;

export const CALENDAR_24X7: BusinessCalendar = deepFreeze({
  timeZone: 'UTC',
  week: {
    mon: [['00:00', '24:00']],
    tue: [['00:00', '24:00']],
    wed: [['00:00', '24:00']],
    thu: [['00:00', '24:00']],
    fri: [['00:00', '24:00']],
    sat: [['00:00', '24:00']],
    sun: [['00:00', '24:00']],
  },
});

export const CALENDAR_OFFICE_HOURS: BusinessCalendar = deepFreeze({
  timeZone: 'Europe/Madrid',
  week: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
});

/** Spain's national holidays (BOE), 2026 and 2027. Those falling on a weekend are kept: harmless, and complete. */
const SPAIN_NATIONAL_HOLIDAYS = [
  // 2026
  '2026-01-01', // Año Nuevo
  '2026-01-06', // Epifanía del Señor
  '2026-04-03', // Viernes Santo
  '2026-05-01', // Fiesta del Trabajo
  '2026-08-15', // Asunción de la Virgen
  '2026-10-12', // Fiesta Nacional de España
  '2026-11-01', // Todos los Santos
  '2026-12-06', // Día de la Constitución
  '2026-12-08', // Inmaculada Concepción
  '2026-12-25', // Natividad del Señor
  // 2027
  '2027-01-01',
  '2027-01-06',
  '2027-03-26', // Viernes Santo
  '2027-05-01',
  '2027-08-15',
  '2027-10-12',
  '2027-11-01',
  '2027-12-06',
  '2027-12-08',
  '2027-12-25',
];

export const CALENDAR_SPANISH_SPLIT: BusinessCalendar = deepFreeze({
  timeZone: 'Europe/Madrid',
  week: {
    mon: [
      ['09:00', '14:00'],
      ['16:00', '19:00'],
    ],
    tue: [
      ['09:00', '14:00'],
      ['16:00', '19:00'],
    ],
    wed: [
      ['09:00', '14:00'],
      ['16:00', '19:00'],
    ],
    thu: [
      ['09:00', '14:00'],
      ['16:00', '19:00'],
    ],
    fri: [['08:00', '15:00']],
  },
  holidays: SPAIN_NATIONAL_HOLIDAYS,
});

const target = (firstResponseMinutes: number, resolutionMinutes: number): SlaTarget => ({
  firstResponseMinutes,
  resolutionMinutes,
});

export const DEFAULT_SLA_POLICY: SlaPolicy = deepFreeze({
  id: 'default',
  name: 'Standard (business hours, Spain)',
  calendar: CALENDAR_SPANISH_SPLIT,
  targets: {
    1: target(15, 4 * HOUR),
    2: target(30, BUSINESS_DAY),
    3: target(2 * HOUR, 3 * BUSINESS_DAY),
    4: target(4 * HOUR, 5 * BUSINESS_DAY),
    5: target(2 * BUSINESS_DAY, 10 * BUSINESS_DAY),
  } satisfies Record<Priority, SlaTarget>,
  warnAtFraction: 0.8,
});

export const CRITICAL_24X7_SLA_POLICY: SlaPolicy = deepFreeze({
  id: 'critical-24x7',
  name: 'Critical (24×7)',
  calendar: CALENDAR_24X7,
  targets: {
    1: target(15, 4 * HOUR),
    2: target(30, 8 * HOUR),
    3: target(2 * HOUR, 24 * HOUR),
    4: target(4 * HOUR, 72 * HOUR),
    5: target(24 * HOUR, 7 * 24 * HOUR),
  } satisfies Record<Priority, SlaTarget>,
  warnAtFraction: 0.8,
});

/** The presets by id. */
export const SLA_POLICIES: Readonly<Record<'default' | 'critical-24x7', SlaPolicy>> = Object.freeze({
  default: DEFAULT_SLA_POLICY,
  'critical-24x7': CRITICAL_24X7_SLA_POLICY,
});

/**
 * Presets are shared by every caller and business time is cached per calendar object,
 * so a preset must never change under its users: freeze it all the way down.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
