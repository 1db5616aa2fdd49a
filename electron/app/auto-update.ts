import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import { bakedFeedUrl, decideUpdateFeed } from '../core/update-feed';

/**
 * Checks for a new version once the window is up, where decideUpdateFeed (core/update-feed.ts)
 * says there is a feed: packaged builds only, the feed baked into the package, https (or a
 * loopback test feed), never disabled. A failed check is logged and otherwise ignored: the
 * console works without updates.
 */
export function checkForUpdates(env: NodeJS.ProcessEnv, log: (message: string) => void): void {
  const feed = decideUpdateFeed({
    isPackaged: app.isPackaged,
    env,
    bakedUrl: app.isPackaged ? readBakedUrl() : null,
  });
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

/** electron-builder writes app-update.yml into the package's resources at packaging time. */
function readBakedUrl(): string | null {
  try {
    return bakedFeedUrl(readFileSync(join(process.resourcesPath, 'app-update.yml'), 'utf8'));
  } catch {
    return null;
  }
}
