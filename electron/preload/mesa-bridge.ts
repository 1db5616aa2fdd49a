import type { IpcRenderer, IpcRendererEvent } from 'electron';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  PRELOAD_LOCAL_MEMBERS,
  wireChannel,
  type EventChannel,
  type MesaBridge,
  type PreloadLocalMembers,
} from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';

/**
 * What the preload gives the page as `window.mesa`: one named function per invoke channel
 * of the table and `on` for the table's events. ipcRenderer itself never crosses: with it the
 * page could send on any channel. Event listeners get the payload only, never Electron's
 * event object (its `sender` is ipcRenderer). Answers stay IpcResult envelopes (see MesaBridge).
 * `local` adds the members the preload answers without IPC (PRELOAD_LOCAL_MEMBERS).
 */
export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

const isEventChannel = (name: unknown): name is EventChannel =>
  typeof name === 'string' && (EVENT_CHANNELS as readonly string[]).includes(name);

export function createMesaBridge(ipc: IpcRendererLike, local: Required<PreloadLocalMembers>): MesaBridge {
  const bridge: Record<string, unknown> = {};
  for (const channel of INVOKE_CHANNELS) {
    bridge[channel] = (request: unknown): Promise<IpcResult<unknown>> =>
      (ipc.invoke(wireChannel(channel), request) as Promise<IpcResult<unknown>>).catch((error: unknown) => ({
        ok: false as const,
        // Reaching here means the main process did not answer at all (no handler, crashed).
        error: {
          code: 'internal' as const,
          message: `${channel}: ${error instanceof Error ? error.message : String(error)}`,
        },
      }));
  }
  bridge.on = (event: unknown, listener: unknown): (() => void) => {
    if (!isEventChannel(event)) throw new TypeError(`Unknown event "${String(event)}".`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    const name = wireChannel(event);
    const forward = (_event: IpcRendererEvent, payload: unknown) =>
      (listener as (payload: unknown) => void)(payload);
    ipc.on(name, forward);
    return () => void ipc.removeListener(name, forward);
  };
  for (const name of PRELOAD_LOCAL_MEMBERS) bridge[name] = local[name];
  return Object.freeze(bridge) as unknown as MesaBridge;
}
