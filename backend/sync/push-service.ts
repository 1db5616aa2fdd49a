import { sql } from 'kysely';
import {
  isTicketMutation,
  parseMutation,
  type Actor,
  type Mutation,
  type MutationEnvelope,
  type MutationResult,
} from '../../shared/index';
import type { RequesterHint, RequesterMailer } from '../mail/requester-mailer';
import { findApplied, recordApplied, type AppliedRecord } from '../storage/applied-mutations';
import type { Database, Tx } from '../storage/database';
import { applyAdminMutation, setPresence, type AdminEffects } from './admin-mutations';
import { writeTransaction, type ChangeLog, type WriteOutcome } from './change-log';
import type { ChangeNotifier } from './change-notifier';
import {
  rejected,
  referenceCache,
  toMutationResult,
  type Decision,
  type MutationScope,
} from './mutation-scope';
import { hashBatchPasswords, NO_PASSWORD_HASHES, type PasswordHashes } from './password-hashes';
import { applyTicketMutationInScope } from './ticket-mutations';
import { TicketNumbers } from './ticket-numbers';

export interface PushServiceDeps {
  database: Database;
  notifier: ChangeNotifier;
  mailer: RequesterMailer;
  clock: () => Date;
  revokeSessions: AdminEffects['revokeSessions'];
  /** A mutation threw (a fault, not a rule's refusal): it was undone alone and recorded as rejected. */
  onMutationError?: (error: unknown, mutation: { id: string; type: string }) => void;
}

/** The result recorded for a mutation that threw (a fault, final like a refusal: a retry gets the same answer). */
const serverFault = (id: string): MutationResult => ({
  id,
  status: 'rejected',
  code: 'server_error',
  message: 'The server failed while applying this change; it was not applied.',
});

/**
 * Applies pushed mutations in order, exactly once per mutation id.
 *
 * A push runs in one database transaction: for each mutation the recorded result is
 * looked up by id (a retry gets the earlier answer and nothing runs again), otherwise it
 * is decided and its rows, its change-log rows and its id with its result (rejections
 * too) are written. The batch commits once (one commit per batch, not per mutation) and
 * only then is answered, so an answer always describes committed state; a crash before
 * commit leaves nothing behind and the client's retry applies the batch afresh. Writers
 * serialize on the change counter (see ChangeLog), so two copies of one batch arriving
 * together run one after the other and the second finds the first's results.
 *
 * A rule's refusal writes nothing, so it cannot disturb the others. A mutation that
 * throws would roll back the whole batch; then the batch runs again with each mutation
 * in its own savepoint, so the one that throws is undone alone, recorded as rejected, and
 * the others apply. Savepoints only on that second run: on PostgreSQL they cost two round
 * trips per mutation. A fault that is not one mutation's (the database gone) throws again
 * and fails the request.
 */
export class PushService {
  constructor(private readonly deps: PushServiceDeps) {}

  async push(
    actor: Actor & { kind: 'agent' },
    clientId: string,
    envelopes: MutationEnvelope[],
  ): Promise<MutationResult[]> {
    if (envelopes.length === 0) return [];
    const hashes = await hashBatchPasswords(actor, envelopes);
    let outcome: WriteOutcome<MutationResult[]>;
    try {
      outcome = await this.applyBatch(actor, clientId, envelopes, hashes, false);
    } catch {
      outcome = await this.applyBatch(actor, clientId, envelopes, hashes, true);
    }
    if (outcome.latestSeq > 0) this.deps.notifier.announce(outcome.latestSeq);
    return outcome.result;
  }

  private applyBatch(
    actor: Actor & { kind: 'agent' },
    clientId: string,
    envelopes: MutationEnvelope[],
    hashes: PasswordHashes,
    isolated: boolean,
  ): Promise<WriteOutcome<MutationResult[]>> {
    return writeTransaction(this.deps.database, async (log) => {
      const known = await findApplied(log.trx, [...new Set(envelopes.map((e) => e.id))], log.sqlite);
      const creates = envelopes.filter((e) => e.type === 'ticket.create' && !known.has(e.id)).length;
      const scope = this.scope(log, actor, creates, hashes);
      const results: MutationResult[] = [];
      const records: AppliedRecord[] = [];
      for (const envelope of envelopes) {
        const earlier = known.get(envelope.id);
        if (earlier) {
          results.push(earlier);
          continue;
        }
        scope.now = this.deps.clock();
        const outcome = isolated
          ? await this.inSavepoint(scope, envelope)
          : toMutationResult(envelope.id, await this.parseAndDecide(scope, envelope));
        known.set(envelope.id, outcome);
        results.push(outcome);
        records.push({ result: outcome, type: envelope.type });
      }
      await scope.ticketNumbers.settle();
      await recordApplied(
        log.trx,
        records,
        { clientId, agentId: actor.id, at: this.deps.clock().toISOString() },
        log.sqlite,
      );
      return results;
    });
  }

  private parseAndDecide(scope: MutationScope, envelope: MutationEnvelope): Promise<Decision> {
    const parsed = parseMutation(envelope);
    return parsed.ok
      ? this.decide(scope, parsed.mutation)
      : Promise.resolve(rejected(parsed.code, parsed.message));
  }

  private async inSavepoint(scope: MutationScope, envelope: MutationEnvelope): Promise<MutationResult> {
    const { trx, log } = scope;
    const pending = log.mark();
    await sql`savepoint mutation`.execute(trx);
    try {
      const outcome = toMutationResult(envelope.id, await this.parseAndDecide(scope, envelope));
      await sql`release savepoint mutation`.execute(trx);
      return outcome;
    } catch (error) {
      await sql`rollback to savepoint mutation`.execute(trx);
      await sql`release savepoint mutation`.execute(trx);
      log.restore(pending);
      scope.invalidateRefs();
      this.deps.onMutationError?.(error, envelope);
      return serverFault(envelope.id);
    }
  }

  /** One mutation from the server itself or a requester (portal, feedback link, auto-close), same path. */
  async applyAs(
    actor: Actor,
    mutation: Mutation,
    clientId: string,
    hint?: RequesterHint,
  ): Promise<MutationResult> {
    const results = await this.applyAllAs(actor, [mutation], clientId, { ...(hint ? { hint } : {}) });
    return results![0]!;
  }

  /**
   * Several mutations from outside the console in one transaction (a mail's comment and
   * its attachments). `claim` runs first in that transaction: when it returns false
   * (the mail was already processed) nothing is applied and the answer is null.
   */
  async applyAllAs(
    actor: Actor,
    mutations: Mutation[],
    clientId: string,
    options: { hint?: RequesterHint; claim?: (trx: Tx) => Promise<boolean> } = {},
  ): Promise<MutationResult[] | null> {
    const { result, latestSeq } = await writeTransaction(this.deps.database, async (log) => {
      if (options.claim && !(await options.claim(log.trx))) return null;
      const known = await findApplied(
        log.trx,
        mutations.map((m) => m.id),
        log.sqlite,
      );
      const creates = mutations.filter((m) => m.type === 'ticket.create' && !known.has(m.id)).length;
      const scope = this.scope(log, actor, creates, NO_PASSWORD_HASHES, options.hint);
      const results: MutationResult[] = [];
      const records: AppliedRecord[] = [];
      for (const mutation of mutations) {
        const earlier = known.get(mutation.id);
        if (earlier) {
          results.push(earlier);
          continue;
        }
        scope.now = this.deps.clock();
        const outcome = toMutationResult(mutation.id, await this.decide(scope, mutation));
        results.push(outcome);
        records.push({ result: outcome, type: mutation.type });
      }
      await scope.ticketNumbers.settle();
      await recordApplied(
        log.trx,
        records,
        { clientId, agentId: null, at: this.deps.clock().toISOString() },
        log.sqlite,
      );
      return results;
    });
    if (latestSeq > 0) this.deps.notifier.announce(latestSeq);
    return result;
  }

  private scope(
    log: ChangeLog,
    actor: Actor,
    creates: number,
    passwordHashes: PasswordHashes,
    hint?: RequesterHint,
  ): MutationScope {
    const refs = referenceCache(log.trx);
    const { mailer } = this.deps;
    const scope: MutationScope = {
      trx: log.trx,
      log,
      actor,
      now: this.deps.clock(),
      ticketNumbers: new TicketNumbers(log.trx, creates, log.sqlite),
      refs: refs.get,
      invalidateRefs: refs.invalidate,
      passwordHashes,
      onTicketChanged: (change) => mailer.onTicketChanged(log.trx, change, scope.now, hint),
    };
    return scope;
  }

  private decide(scope: MutationScope, mutation: Mutation): Promise<Decision> {
    if (isTicketMutation(mutation)) return applyTicketMutationInScope(scope, mutation);
    if (mutation.type === 'agent.set_presence') return setPresence(scope, mutation.args);
    return applyAdminMutation(scope, mutation, { revokeSessions: this.deps.revokeSessions });
  }
}
