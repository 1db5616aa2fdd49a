/**
 * The browser host's per-launch secret arrives in the URL fragment (#secret=…), which the
 * browser never sends to a server. It is moved into sessionStorage at once and removed from
 * the address bar, so it is not bookmarked, copied into a chat, or kept in history, while a
 * reload of the same tab still works.
 */
const STORAGE_KEY = 'mesa.hostSecret';
const SECRET_IN_HASH = /(?:^#|&)secret=([A-Za-z0-9_-]{16,200})(?:&|$)/;

export interface SecretPlaces {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

export function takeLaunchSecret({ location, history, storage }: SecretPlaces): string | null {
  const match = SECRET_IN_HASH.exec(location.hash);
  if (match) {
    const secret = match[1]!;
    storage.setItem(STORAGE_KEY, secret);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return secret;
  }
  return storage.getItem(STORAGE_KEY);
}

/** Whether the address now carries a launch secret (the agent opened a new launch's URL). */
export const hasLaunchSecret = (hash: string): boolean => SECRET_IN_HASH.test(hash);
