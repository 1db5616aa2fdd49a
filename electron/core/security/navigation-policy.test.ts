import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from './app-origin';
import { decideNavigation, decideRedirect, decideWindowOpen, externalUrl } from './navigation-policy';

const HOSTILE = [
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  'file:///etc/passwd',
  'file://server/share/x.exe',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'smb://attacker/share',
  'ms-msdt:/id PCWDiagnostic',
  'mesa://ticket/INC-1',
  'app://mesa.evil.test/',
  'about:blank',
  'https://user:pass@example.com/',
  'not a url',
];

describe('navigation', () => {
  it('stays inside our origin', () => {
    expect(decideNavigation('app://mesa/tickets/1', APP_ORIGIN)).toEqual({ action: 'allow' });
  });

  it.each(HOSTILE)('blocks %s and never opens it', (url) => {
    expect(decideNavigation(url, APP_ORIGIN)).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: null });
    expect(decideRedirect(url, APP_ORIGIN)).toEqual({ action: 'deny', openExternally: null });
  });

  it('sends a web link to the browser instead of navigating, including look-alikes of our hosts', () => {
    for (const url of ['https://app.example.com.evil.test/login', 'http://intranet.example.com/kb/42']) {
      expect(decideNavigation(url, APP_ORIGIN)).toEqual({ action: 'deny', openExternally: url });
      expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: url });
    }
  });

  it('never follows a redirect out, not even to the web', () => {
    expect(decideRedirect('https://example.com/', APP_ORIGIN)).toEqual({
      action: 'deny',
      openExternally: null,
    });
  });

  it('normalizes what it hands to the OS', () => {
    expect(externalUrl('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
  });
});
