import type { WebContents } from 'electron';
import { APP_ORIGIN } from '../core/security/app-origin';
import { decideNavigation, decideRedirect, decideWindowOpen } from '../core/security/navigation-policy';

/**
 * Applied to every WebContents the app creates (app 'web-contents-created'), so no window,
 * present or future, can navigate away from our origin, open windows, or attach a <webview>.
 * The decisions are the pure functions in core/security; this file only wires them.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, APP_ORIGIN);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.openExternally) openExternal(decision.openExternally);
  });
  contents.on('will-redirect', (event) => {
    if (decideRedirect(event.url, APP_ORIGIN).action === 'deny') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) openExternal(decision.openExternally);
    return { action: 'deny' };
  });
}
