import { z } from 'zod';
import type { BusinessCalendar, SlaPolicy, Weekday } from '../domain/types';
import { LIMITS, lineSchema } from './primitives';

const hhmm = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: "must be 'HH:MM' (00:00–24:00)" });
const interval = z
  .tuple([hhmm, hhmm])
  .refine(([start, end]) => start < end, { message: 'an interval must end after it starts' });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be 'YYYY-MM-DD'" });

const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const weekdays: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const weekShape = Object.fromEntries(weekdays.map((d) => [d, z.array(interval).max(8).optional()])) as Record<
  Weekday,
  z.ZodOptional<z.ZodArray<typeof interval>>
>;

export const businessCalendarSchema = z.object({
  timeZone: z
    .string()
    .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/Madrid' }),
  week: z.object(weekShape),
  holidays: z.array(localDate).max(1000).optional(),
}) satisfies z.ZodType<BusinessCalendar>;

const minutes = z
  .number()
  .positive()
  .max(60 * 24 * 365);
const target = z.object({ firstResponseMinutes: minutes, resolutionMinutes: minutes });

export const slaPolicySchema = z.object({
  id: z.string().min(1).max(64),
  name: lineSchema(LIMITS.nameMax),
  calendar: businessCalendarSchema,
  targets: z.object({ 1: target, 2: target, 3: target, 4: target, 5: target }),
  warnAtFraction: z.number().gt(0).lt(1),
}) satisfies z.ZodType<SlaPolicy>;
