import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isSameOrigin, originOf } from './app-origin';

describe('origins, parsed and compared whole', () => {
  it('knows our own scheme, which WHATWG URL alone calls "null"', () => {
    expect(new URL('app://mesa/index.html').origin).toBe('null');
    expect(originOf('app://mesa/index.html')).toBe(APP_ORIGIN);
    expect(originOf('app://MESA/x?y#z')).toBe(APP_ORIGIN);
  });

  it.each([
    'app://mesa.evil/',
    'app://mesa@evil/',
    'app://evil/mesa',
    'app://evilmesa/',
    'https://mesa/',
    'file:///app/mesa/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'blob:app://mesa/1234',
    'about:blank',
    '',
    'not a url',
  ])('%s is not ours', (url) => {
    expect(isSameOrigin(url, APP_ORIGIN)).toBe(false);
  });

  it('uses the parsed origin for http(s), so look-alikes fail', () => {
    expect(isSameOrigin('https://app.example.com/x', 'https://app.example.com')).toBe(true);
    expect(isSameOrigin('https://app.example.com.evil.test/', 'https://app.example.com')).toBe(false);
    expect(isSameOrigin('https://app.example.com:8443/', 'https://app.example.com')).toBe(false);
    expect(isSameOrigin('http://app.example.com/', 'https://app.example.com')).toBe(false);
  });
});
