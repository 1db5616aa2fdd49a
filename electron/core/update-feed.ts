import { isLoopbackHost } from './security/server-transport-policy';

/**
 * Where the packaged app looks for updates, decided in plain Node so it is tested without
 * Electron (the glue is electron/app/auto-update.ts).
 *
 * The URL is baked into app-update.yml at packaging time (build/electron-builder.config.cjs,
 * from MESA_UPDATE_URL then) and read from there only. The variable is not obeyed at run
 * time: updates are code the console will run, and anything that can set a variable for the
 * agent's session could otherwise serve its own (see dev-overrides.ts). An IT department that
 * mirrors the feed repackages with its own MESA_UPDATE_URL.
 */

/** The placeholder the builder config uses when MESA_UPDATE_URL is unset at packaging time. */
export const DEFAULT_UPDATE_URL = 'https://updates.example.com/mesa';

export interface UpdateFeedInput {
  /** `app.isPackaged`: a development run never updates itself. */
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** The feed URL baked into the package (app-update.yml), if it has one. */
  bakedUrl?: string | null;
}

/** electron-updater's GenericServerOptions, the part we use. */
export interface GenericFeedOptions {
  provider: 'generic';
  url: string;
  channel: 'latest';
}

export type UpdateFeed =
  | { enabled: true; options: GenericFeedOptions }
  | {
      enabled: false;
      reason: 'not_packaged' | 'disabled' | 'not_configured' | 'invalid_url';
      detail?: string;
    };

export function decideUpdateFeed({ isPackaged, env, bakedUrl }: UpdateFeedInput): UpdateFeed {
  if (!isPackaged) return { enabled: false, reason: 'not_packaged' };
  // Only ever switches updates off, so it cannot redirect anything.
  if (env.MESA_UPDATE_DISABLED === '1' || env.MESA_UPDATE_DISABLED === 'true')
    return { enabled: false, reason: 'disabled' };

  const raw = (bakedUrl?.trim() || DEFAULT_UPDATE_URL).replace(/\/+$/, '');
  // A build made without a real feed would otherwise log a failed check on every start.
  if (raw === DEFAULT_UPDATE_URL) return { enabled: false, reason: 'not_configured' };

  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { enabled: false, reason: 'invalid_url', detail: raw };
  }
  // Updates are code we will run: only over TLS, except a loopback feed for testing an update.
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!allowed || url.username || url.password) return { enabled: false, reason: 'invalid_url', detail: raw };

  return { enabled: true, options: { provider: 'generic', url: raw, channel: 'latest' } };
}

/**
 * The `url:` of the app-update.yml electron-builder writes into the package's resources
 * (flat `key: value` lines for the generic provider). null when there is none.
 */
export function bakedFeedUrl(appUpdateYml: string): string | null {
  const line = /^url:[ \t]*(.+?)[ \t]*$/m.exec(appUpdateYml);
  return line ? line[1]!.replace(/^(['"])(.*)\1$/, '$2') : null;
}
