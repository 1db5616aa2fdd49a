/**
 * Where the packaged app looks for updates, decided in plain Node so it is tested without
 * Electron. The Electron glue does, once the window is up:
 *
 *   const feed = decideUpdateFeed({ isPackaged: app.isPackaged, env: process.env });
 *   if (feed.enabled) { autoUpdater.setFeedURL(feed.options); void autoUpdater.checkForUpdatesAndNotify(); }
 *
 * The URL is baked into app-update.yml at packaging time (build/electron-builder.config.cjs,
 * from MESA_UPDATE_URL); the same variable at run time overrides it, so an IT department can
 * point installed consoles at its own mirror without repackaging.
 */

/** The placeholder the builder config uses when MESA_UPDATE_URL is unset at packaging time. */
export const DEFAULT_UPDATE_URL = 'https://updates.example.com/mesa';

export interface UpdateFeedInput {
  /** `app.isPackaged`: a development run never updates itself. */
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** A URL from the app's own settings, if it has one; the environment wins over it. */
  configuredUrl?: string | null;
}

/** electron-updater's GenericServerOptions, the part we use. */
export interface GenericFeedOptions {
  provider: 'generic';
  url: string;
  channel: 'latest';
}

export type UpdateFeed =
  | { enabled: true; options: GenericFeedOptions }
  | { enabled: false; reason: 'not_packaged' | 'disabled' | 'not_configured' | 'invalid_url'; detail?: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function decideUpdateFeed({ isPackaged, env, configuredUrl }: UpdateFeedInput): UpdateFeed {
  if (!isPackaged) return { enabled: false, reason: 'not_packaged' };
  if (env.MESA_UPDATE_DISABLED === '1' || env.MESA_UPDATE_DISABLED === 'true') return { enabled: false, reason: 'disabled' };

  const raw = (env.MESA_UPDATE_URL?.trim() || configuredUrl?.trim() || DEFAULT_UPDATE_URL).replace(/\/+$/, '');
  // A build made without a real feed would otherwise log a failed check on every start.
  if (raw === DEFAULT_UPDATE_URL) return { enabled: false, reason: 'not_configured' };

  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { enabled: false, reason: 'invalid_url', detail: raw };
  }
  // Updates are code we will run: only over TLS, except a loopback feed for testing an update.
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!allowed || url.username || url.password) return { enabled: false, reason: 'invalid_url', detail: raw };

  return { enabled: true, options: { provider: 'generic', url: raw, channel: 'latest' } };
}
