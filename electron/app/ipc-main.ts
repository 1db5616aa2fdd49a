import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, wireChannel } from '../../shared/ipc/contract';
import type { IpcRouter } from '../core/ipc-router';
import { APP_ORIGIN } from '../core/security/app-origin';
import { checkIpcSender } from '../core/security/ipc-sender';

/** The router's sender check for Electron: the main frame of a window showing our origin. */
export function verifyElectronSender(event: IpcMainInvokeEvent): string | null {
  return checkIpcSender(event.senderFrame, event.sender.mainFrame, APP_ORIGIN);
}

/**
 * One ipcMain.handle per channel of the table, no more: a channel the table does not list
 * has no handler, so Electron rejects it before our code runs. Returns the wire names.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  router: IpcRouter<IpcMainInvokeEvent>,
): string[] {
  return INVOKE_CHANNELS.map((channel) => {
    const name = wireChannel(channel);
    ipcMain.handle(name, (event, payload: unknown) => router.dispatch(channel, payload, event));
    return name;
  });
}
