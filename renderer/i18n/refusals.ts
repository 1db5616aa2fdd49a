import type { TFunction } from 'i18next';
import { REJECTION_CODES, TICKET_STATUSES, type RejectionCode, type TicketStatus } from '../../shared/index';

/** Refusals made on this computer before anything reaches the outbox. */
export const CLIENT_REFUSAL_CODES = ['signed_out', 'storage_error'] as const;

/** Every code a rule, the server or this console can refuse with (REJECTION_CODES includes the TransitionError codes). */
const KNOWN = new Set<string>([...REJECTION_CODES, ...CLIENT_REFUSAL_CODES]);

export interface Refusal {
  code: string;
  /** The rule's or server's own (English, technical) message: shown only where it adds detail. */
  message?: string;
}

export interface RefusalContext {
  from?: TicketStatus | null;
  to?: TicketStatus | null;
}

const isStatus = (value: unknown): value is TicketStatus =>
  typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);

/** A refusal in words the agent understands, in the language on screen. */
export function refusalText(t: TFunction, refusal: Refusal, context: RefusalContext = {}): string {
  if (!KNOWN.has(refusal.code)) return t('refusal.unknown', { code: refusal.code });
  const code = refusal.code as RejectionCode | (typeof CLIENT_REFUSAL_CODES)[number];
  const from = isStatus(context.from) ? t(`status.${context.from}`) : null;
  const to = isStatus(context.to) ? t(`status.${context.to}`) : null;
  switch (code) {
    case 'invalid_transition':
      if (from && to) return t('refusal.invalid_transition', { from, to });
      return t('refusal.invalid_transition_to', { to: to ?? '—' });
    default:
      return t(`refusal.${code}`);
  }
}

/**
 * The rule's or server's own words, for the refusals whose localized text is general (bad
 * data, a storage failure, a code this version does not know): shown beneath it as detail,
 * never instead of it. Null where the localized text already says it all.
 */
export function refusalDetail(refusal: Refusal): string | null {
  const message = refusal.message?.trim();
  if (!message) return null;
  const general =
    refusal.code === 'validation_failed' || refusal.code === 'storage_error' || !KNOWN.has(refusal.code);
  return general ? message : null;
}
