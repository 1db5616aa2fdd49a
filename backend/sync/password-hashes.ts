import { parseMutation, type Actor, type MutationEnvelope } from '../../shared/index';
import { hashPassword } from '../auth/passwords';

/** Password hashes for a batch's mutations, by mutation id, made before its transaction opens. */
export type PasswordHashes = ReadonlyMap<string, string>;

export const NO_PASSWORD_HASHES: PasswordHashes = new Map();

/**
 * Hashes every password an administrator's batch sets (a password change, a new account)
 * before the write transaction: scrypt takes tens of milliseconds on purpose, and inside
 * the transaction it would hold SQLite's single writer (or PostgreSQL's change counter)
 * for all of them, stalling every other agent's push. Only for an administrator: anyone
 * else's agent.upsert is refused without hashing, so it cannot buy server CPU with it.
 * A salt per hash, so two accounts with one password still get different hashes.
 */
export async function hashBatchPasswords(
  actor: Actor,
  envelopes: MutationEnvelope[],
): Promise<PasswordHashes> {
  if (actor.kind !== 'agent' || actor.role !== 'admin') return NO_PASSWORD_HASHES;
  const pending: Array<Promise<[string, string]>> = [];
  for (const envelope of envelopes) {
    if (envelope.type !== 'agent.upsert') continue;
    const parsed = parseMutation(envelope);
    if (!parsed.ok || parsed.mutation.type !== 'agent.upsert') continue;
    const { password } = parsed.mutation.args;
    if (password) pending.push(hashPassword(password).then((hash) => [envelope.id, hash]));
  }
  return new Map(await Promise.all(pending));
}
