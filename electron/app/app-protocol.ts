import { protocol, type Session } from 'electron';
import { APP_HOST, APP_SCHEME } from '../core/security/app-origin';
import { contentSecurityPolicy, securityHeaders } from '../core/security/content-security-policy';
import { loadStaticFile } from '../core/static-files';

/**
 * The renderer is served from app://mesa/ through protocol.handle rather than loaded from
 * file://. A file:// page has an opaque origin shared with every other local file, so the IPC
 * sender check could not tell our page from any HTML on disk, IndexedDB and
 * navigator.storage.persist() behave poorly, and a CSP can only come from a <meta> tag (which
 * cannot carry frame-ancestors). A standard, secure custom scheme gives the page its own
 * origin and lets us send the CSP as a real header on every file.
 */
export const APP_CSP = contentSecurityPolicy();

/** Must run before the app is ready (Electron reads privileged schemes at startup). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found.', { status: 404 });
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('Method not allowed.', { status: 405 });
    const file = await loadStaticFile(rendererDir, url.pathname);
    return new Response(request.method === 'HEAD' ? null : file.body, {
      status: file.status,
      headers: {
        'content-type': file.contentType,
        'cache-control': file.cacheControl,
        ...securityHeaders(APP_CSP),
      },
    });
  });
}
