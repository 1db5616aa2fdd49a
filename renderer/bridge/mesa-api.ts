import { INVOKE_CHANNELS, type MesaApi, type MesaBridge } from '../../shared/ipc/contract';
import { unwrapIpcResult, type IpcResult } from '../../shared/ipc/result';

/**
 * Turns a host's bridge (answers as IpcResult envelopes) into MesaApi (answers as values,
 * failures as MesaError with their code). Done here, in the page's own world, because an
 * error thrown inside Electron's preload would lose its code crossing contextBridge.
 */
export function toMesaApi(bridge: MesaBridge): MesaApi {
  const api: Record<string, unknown> = {};
  for (const channel of INVOKE_CHANNELS) {
    const call = bridge[channel] as (request: unknown) => Promise<IpcResult<unknown>>;
    api[channel] = async (request: unknown) => unwrapIpcResult(await call(request));
  }
  api.on = bridge.on;
  return api as MesaApi;
}
