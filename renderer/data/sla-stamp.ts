import type { SlaPolicy } from '../../shared/index';
import type { SlaKeys } from './sla-keys';

/**
 * What of a policy dates a ticket's SLA instants: its targets, warning fraction and
 * calendar (a rename moves nothing). Both copies compared are the server's JSON, parsed:
 * the same calendar serializes the same way.
 */
export function policyRules(policy: SlaPolicy): string {
  return JSON.stringify([policy.warnAtFraction, policy.calendar, policy.targets]);
}

/**
 * A short fingerprint of those rules ('' with no policy cached): a page stores each
 * ticket's SLA instants with the stamp of the policy they were dated with, so a start
 * re-dates only the tickets whose policy moved since (dating every ticket takes seconds
 * at 100k).
 */
export function policyStamp(policy: SlaPolicy | null | undefined): string {
  if (!policy) return '';
  const text = policyRules(policy);
  // FNV-1a, 32 bits: a collision only means instants dated with an older policy's rules.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${policy.id}:${(hash >>> 0).toString(36)}`;
}

/** SLA instants as JSON keeps them (Infinity is not JSON): [due, warn, stamp], null for Infinity. */
export type StoredSlaKeys = [number | null, number | null, string];

export function storeSlaKeys(keys: SlaKeys, stamp: string): StoredSlaKeys {
  const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);
  return [finite(keys.slaDueMs), finite(keys.slaWarnMs), stamp];
}

export function readSlaKeys(stored: StoredSlaKeys): SlaKeys {
  return { slaDueMs: stored[0] ?? Infinity, slaWarnMs: stored[1] ?? Infinity };
}
