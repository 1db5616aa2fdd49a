import type { MutationType } from '../../shared/index';
import { mutate as queueMutation } from '../sync/app-sync';
import type { MutationInput } from '../sync/perform-mutation';
import type { ActionResult } from './ticket/actions';

/**
 * The console's one door for changes: every view action goes through the sync layer's
 * `mutate` (optimistic apply + outbox entry in one transaction, then a push). Views never
 * write Dexie themselves. Answers with the local prediction: a refusal carries the rule's code.
 */
export async function mutate<T extends MutationType>(type: T, args: MutationInput<T>): Promise<ActionResult> {
  try {
    const outcome = await queueMutation(type, args);
    return outcome.ok ? { ok: true } : { ok: false, code: outcome.code, message: outcome.message };
  } catch (error) {
    // A full disk or a closed database: the agent must hear it, beside the control they used.
    return {
      ok: false,
      code: 'storage_error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
