import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './content-security-policy';

const directives = (csp: string) =>
  new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('the page CSP', () => {
  const csp = directives(contentSecurityPolicy());

  it('lets only our own scripts run: no inline, no eval, no other origin', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*|https?:/);
  });

  it('forbids plugins, frames in and out, <base> and form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('connects home only, plus the socket the browser host names', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(
      directives(contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:5173'] })).get('connect-src'),
    ).toEqual(["'self'", 'ws://127.0.0.1:5173']);
  });

  it('shows attachment Blobs', () => {
    expect(csp.get('img-src')).toContain('blob:');
  });

  it('comes with nosniff, no referrer and no framing', () => {
    expect(securityHeaders('x')).toMatchObject({
      'content-security-policy': 'x',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
  });
});
