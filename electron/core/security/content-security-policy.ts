/**
 * The page's Content Security Policy, one definition for both hosts (Electron's app://
 * protocol handler and the browser host send it as a header). Only our own files may run;
 * no inline script, no eval, no plugins, no frames, nothing may frame us, and the page may
 * connect nowhere but home: in Electron the main process does all networking; in the
 * browser host the page also needs the host's own WebSocket, passed in `connectSrc`.
 * Images may be blob: (attachments come from IndexedDB as Blobs) and data: (small assets
 * the bundler inlines).
 */
export function contentSecurityPolicy({ connectSrc = [] }: { connectSrc?: readonly string[] } = {}): string {
  const directives: Array<[string, ...string[]]> = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'blob:', 'data:'],
    ['font-src', "'self'", 'data:'],
    ['media-src', "'self'", 'blob:'],
    ['connect-src', "'self'", ...connectSrc],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['frame-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** Headers sent with every page file, beside the CSP. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    // The browser host's secret sits in the URL fragment; no referrer means no link leaks the URL.
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
  };
}
