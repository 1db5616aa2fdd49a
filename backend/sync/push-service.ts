import {
  isTicketMutation,
  parseMutation,
  type Actor,
  type Mutation,
  type MutationEnvelope,
  type MutationResult,
} from '../../shared/index';
import type { FeedbackMailer } from '../feedback/feedback-email';
import { findApplied, recordApplied, type AppliedRecord } from '../storage/applied-mutations';
import type { Database } from '../storage/database';
import { applyAdminMutation, setPresence, type AdminEffects } from './admin-mutations';
import { writeTransaction, type ChangeLog } from './change-log';
import type { ChangeNotifier } from './change-notifier';
import {
  rejected,
  referenceCache,
  toMutationResult,
  type Decision,
  type MutationScope,
} from './mutation-scope';
import { applyTicketMutationInScope } from './ticket-mutations';

export interface PushServiceDeps {
  database: Database;
  notifier: ChangeNotifier;
  mailer: FeedbackMailer;
  clock: () => Date;
  revokeSessions: AdminEffects['revokeSessions'];
}

/**
 * Applies pushed mutations in order, exactly once per mutation id.
 *
 * A push runs in one database transaction: for each mutation the recorded result is
 * looked up by id (a retry gets the earlier answer and nothing runs again), otherwise it
 * is decided and its rows, its change-log rows and its id with its result (rejections
 * too) are written. The batch commits once (one fsync per batch, not per mutation) and
 * only then is answered, so an answer always describes durable state; a crash before
 * commit leaves nothing behind and the client's retry applies the batch afresh. Writers
 * serialize on the change counter (see ChangeLog), so two copies of one batch arriving
 * together run one after the other and the second finds the first's results.
 */
export class PushService {
  constructor(private readonly deps: PushServiceDeps) {}

  async push(
    actor: Actor & { kind: 'agent' },
    clientId: string,
    envelopes: MutationEnvelope[],
  ): Promise<MutationResult[]> {
    if (envelopes.length === 0) return [];
    const { result, latestSeq } = await writeTransaction(this.deps.database, async (log) => {
      const known = await findApplied(log.trx, [...new Set(envelopes.map((e) => e.id))]);
      const scope = this.scope(log, actor);
      const results: MutationResult[] = [];
      const records: AppliedRecord[] = [];
      for (const envelope of envelopes) {
        const earlier = known.get(envelope.id);
        if (earlier) {
          results.push(earlier);
          continue;
        }
        scope.now = this.deps.clock();
        const parsed = parseMutation(envelope);
        const decision: Decision = parsed.ok
          ? await this.decide(scope, parsed.mutation)
          : rejected(parsed.code, parsed.message);
        const outcome = toMutationResult(envelope.id, decision);
        known.set(envelope.id, outcome);
        results.push(outcome);
        records.push({ result: outcome, type: envelope.type });
      }
      await recordApplied(log.trx, records, {
        clientId,
        agentId: actor.id,
        at: this.deps.clock().toISOString(),
      });
      return results;
    });
    if (latestSeq > 0) this.deps.notifier.announce(latestSeq);
    return result;
  }

  /** One mutation from the server itself or a requester (portal, feedback link, auto-close), same path. */
  async applyAs(actor: Actor, mutation: Mutation, clientId: string): Promise<MutationResult> {
    const { result, latestSeq } = await writeTransaction(this.deps.database, async (log) => {
      const earlier = (await findApplied(log.trx, [mutation.id])).get(mutation.id);
      if (earlier) return earlier;
      const outcome = toMutationResult(mutation.id, await this.decide(this.scope(log, actor), mutation));
      await recordApplied(log.trx, [{ result: outcome, type: mutation.type }], {
        clientId,
        agentId: null,
        at: this.deps.clock().toISOString(),
      });
      return outcome;
    });
    if (latestSeq > 0) this.deps.notifier.announce(latestSeq);
    return result;
  }

  private scope(log: ChangeLog, actor: Actor): MutationScope {
    const refs = referenceCache(log.trx);
    const { mailer } = this.deps;
    const scope: MutationScope = {
      trx: log.trx,
      log,
      actor,
      now: this.deps.clock(),
      refs: refs.get,
      invalidateRefs: refs.invalidate,
      onResolved: (ticket) => mailer.enqueue(log.trx, ticket, scope.now),
    };
    return scope;
  }

  private decide(scope: MutationScope, mutation: Mutation): Promise<Decision> {
    if (isTicketMutation(mutation)) return applyTicketMutationInScope(scope, mutation);
    if (mutation.type === 'agent.set_presence') return setPresence(scope, mutation.args);
    return applyAdminMutation(scope, mutation, { revokeSessions: this.deps.revokeSessions });
  }
}
