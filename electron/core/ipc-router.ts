import type { z } from 'zod';
import { ipcInvokeChannels, type InvokeChannel, type InvokeResponse } from '../../shared/ipc/contract';
import { MesaError, type IpcErrorCode, type IpcResult } from '../../shared/ipc/result';
import { describeIssues } from '../../shared/sync/mutations';

/**
 * The one door for every call from the page, in both hosts: the channel must be in the
 * table, the sender must pass the host's check, the payload must match the channel's request
 * schema, and the answer must match its response schema (which also strips any field the
 * schema does not name, so nothing a handler adds by mistake, a token say, crosses over).
 * Handlers throw MesaError for expected failures; the router turns everything into an
 * IpcResult, because nothing may throw across the bridge.
 */

export type InvokeRequestParsed<C extends InvokeChannel> = z.output<(typeof ipcInvokeChannels)[C]['request']>;

export type IpcHandlers = {
  [C in InvokeChannel]: (request: InvokeRequestParsed<C>) => Promise<InvokeResponse<C>> | InvokeResponse<C>;
};

export interface IpcRouterOptions<S> {
  handlers: IpcHandlers;
  /** Returns why the sender is refused, or null to let it in (Electron checks the frame here). */
  verifySender?: (sender: S) => string | null;
  /** Where unexpected errors go; their details never reach the page. */
  onUnexpectedError?: (channel: string, error: unknown) => void;
}

export interface IpcRouter<S> {
  dispatch(channel: string, payload: unknown, sender: S): Promise<IpcResult<unknown>>;
  readonly channels: readonly InvokeChannel[];
}

const failure = (code: IpcErrorCode, message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});

export function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  // hasOwn, not `in`: "toString" or "__proto__" must not look like channels.
  return typeof channel === 'string' && Object.hasOwn(ipcInvokeChannels, channel);
}

export function createIpcRouter<S>({
  handlers,
  verifySender,
  onUnexpectedError,
}: IpcRouterOptions<S>): IpcRouter<S> {
  async function dispatch(channel: string, payload: unknown, sender: S): Promise<IpcResult<unknown>> {
    if (!isInvokeChannel(channel))
      return failure('unknown_channel', `Unknown channel "${String(channel).slice(0, 80)}".`);
    const refusal = verifySender?.(sender) ?? null;
    if (refusal !== null) return failure('forbidden_sender', refusal);

    const spec = ipcInvokeChannels[channel];
    const request = spec.request.safeParse(payload);
    if (!request.success) return failure('invalid_request', `${channel}: ${describeIssues(request.error)}`);

    let value: unknown;
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      value = await handler(request.data);
    } catch (error) {
      if (error instanceof MesaError) return failure(error.code, error.message);
      onUnexpectedError?.(channel, error);
      return failure('internal', `${channel} failed unexpectedly.`);
    }

    const response = spec.response.safeParse(value);
    if (!response.success) {
      onUnexpectedError?.(
        channel,
        new Error(`response does not match the contract: ${describeIssues(response.error)}`),
      );
      return failure('internal', `${channel} produced an answer outside the contract.`);
    }
    return { ok: true, value: response.data };
  }

  return { dispatch, channels: Object.keys(ipcInvokeChannels) as InvokeChannel[] };
}
