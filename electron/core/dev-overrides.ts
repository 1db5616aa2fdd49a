/**
 * The environment variables that point a development run elsewhere: MESA_BACKEND_URL (the
 * server to pin), MESA_DEMO_LOGIN=1 (sign in as the demo agent on a first run) and
 * MESA_USER_DATA_DIR (a separate profile, for tests). An installed console obeys none of
 * them, for the reason the NODE_OPTIONS fuse is off: anything that can set a variable for
 * the agent's session (a login script, a shortcut's properties, another program) could
 * otherwise send the agent's password to its own server or swap the profile that holds the
 * token. MESA_UPDATE_URL is not read at run time at all: a packaged build updates from the
 * feed baked into app-update.yml (update-feed.ts), and a development run never updates.
 */
export interface DevOverrides {
  backendUrl: string | null;
  demoLogin: boolean;
  userDataDir: string | null;
}

export const NO_OVERRIDES: DevOverrides = { backendUrl: null, demoLogin: false, userDataDir: null };

export function devOverrides(
  env: Readonly<Record<string, string | undefined>>,
  { packaged }: { packaged: boolean },
): DevOverrides {
  if (packaged) return NO_OVERRIDES;
  return {
    backendUrl: env.MESA_BACKEND_URL?.trim() || null,
    demoLogin: env.MESA_DEMO_LOGIN === '1',
    userDataDir: env.MESA_USER_DATA_DIR?.trim() || null,
  };
}

/**
 * Node reads these from the environment on every TLS connection the main process makes;
 * NODE_TLS_REJECT_UNAUTHORIZED=0 would accept any certificate, so a rogue proxy could read
 * the password and token over https. An installed console deletes them at start; a
 * development run keeps them (a test server may have a self-signed certificate).
 */
const WEAKENING_VARIABLES = ['NODE_TLS_REJECT_UNAUTHORIZED'] as const;

/** The variables present in `env` that a packaged console must remove before any request. */
export function weakeningVariables(
  env: Readonly<Record<string, string | undefined>>,
  { packaged }: { packaged: boolean },
): string[] {
  return packaged ? WEAKENING_VARIABLES.filter((name) => env[name] !== undefined) : [];
}
