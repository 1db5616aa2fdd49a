import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import { decideUpdateFeed } from '../core/update-feed';

/**
 * Checks for a new version once the window is up, where decideUpdateFeed (core/update-feed.ts)
 * says there is a feed: packaged builds only, https (or a loopback test feed), never disabled.
 * A failed check is logged and otherwise ignored: the console works without updates.
 */
export function checkForUpdates(env: NodeJS.ProcessEnv, log: (message: string) => void): void {
  const feed = decideUpdateFeed({ isPackaged: app.isPackaged, env });
  if (!feed.enabled) {
    if (feed.reason !== 'not_packaged')
      log(`updates off: ${feed.reason}${feed.detail ? ` (${feed.detail})` : ''}`);
    return;
  }
  autoUpdater.setFeedURL(feed.options);
  autoUpdater
    .checkForUpdatesAndNotify()
    .catch((error: unknown) =>
      log(`update check failed: ${error instanceof Error ? error.message : String(error)}`),
    );
}
