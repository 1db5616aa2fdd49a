import { isSameOrigin } from './app-origin';

/**
 * Where the page may go. The window only ever shows our own origin; a link to the web opens
 * in the agent's browser, and only if it is plain http(s) without credentials in it (a
 * `javascript:`, `file:` or custom-scheme link could run code or open local files through
 * the OS). Everything else is dropped.
 */
export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternally: string | null };

/** The URL to hand to shell.openExternal, or null if it must not leave the app. */
export function externalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  return parsed.href;
}

/** will-navigate: stay inside our origin; a clicked web link goes to the browser instead. */
export function decideNavigation(url: string, appOrigin: string): NavigationDecision {
  if (isSameOrigin(url, appOrigin)) return { action: 'allow' };
  return { action: 'deny', openExternally: externalUrl(url) };
}

/** will-redirect: the server side of a redirect is not the agent's choice; never leave, never open. */
export function decideRedirect(url: string, appOrigin: string): NavigationDecision {
  return isSameOrigin(url, appOrigin) ? { action: 'allow' } : { action: 'deny', openExternally: null };
}

/** setWindowOpenHandler: no new windows at all; http(s) goes to the browser. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: string | null } {
  return { action: 'deny', openExternally: externalUrl(url) };
}
