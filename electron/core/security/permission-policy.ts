import { isSameOrigin } from './app-origin';

/**
 * Which web permissions the page gets: notifications (SLA warnings may also come from the
 * page) and persistent-storage (ARCHITECTURE.md: the page calls navigator.storage.persist() so the
 * offline cache and its outbox are not evicted; Electron routes that through this handler
 * and a refusal would leave unsent work evictable). Both only for our own origin, only in
 * the main frame. Camera, microphone, geolocation, clipboard-read, USB, … are refused.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'persistent-storage']);

export function decidePermission(
  permission: string,
  request: { requestingUrl?: string | null; isMainFrame?: boolean },
  appOrigin: string,
): boolean {
  if (!GRANTED_PERMISSIONS.has(permission)) return false;
  if (request.isMainFrame === false) return false;
  return isSameOrigin(request.requestingUrl, appOrigin);
}
