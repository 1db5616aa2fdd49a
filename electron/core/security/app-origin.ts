/**
 * The page's origin. Electron loads the renderer from app://mesa/ (a privileged, standard,
 * secure custom scheme), so the page has a real origin of its own: IndexedDB, storage
 * persistence and the IPC sender check all key on it, which file:// cannot give (every file
 * shares one opaque origin).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mesa';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/**
 * The origin of a URL, compared as a whole string and never by prefix: `app://mesa.evil`
 * and `https://app.example.com.evil.test` must not pass for ours. WHATWG URL gives "null" as
 * the origin of any scheme it does not know, so our own standard scheme is spelled out here,
 * the way Chromium sees it once the scheme is registered as standard. Anything else (file:,
 * data:, javascript:, blob:, about:) has no origin we would trust: null.
 */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host !== '' && !parsed.username && !parsed.password) {
    return `${APP_SCHEME}://${parsed.host.toLowerCase()}`;
  }
  return null;
}

export function isSameOrigin(url: string | null | undefined, expectedOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === expectedOrigin;
}
