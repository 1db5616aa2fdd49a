import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from './app-origin';
import { checkIpcSender, type FrameLike } from './ipc-sender';

const main: FrameLike = { url: 'app://mesa/index.html', parent: null };

describe('the IPC sender check', () => {
  it('lets our main frame in', () => {
    expect(checkIpcSender(main, main, APP_ORIGIN)).toBeNull();
  });

  it('refuses a missing or destroyed frame', () => {
    expect(checkIpcSender(null, main, APP_ORIGIN)).toMatch(/no longer exists/);
    expect(checkIpcSender(undefined, main, APP_ORIGIN)).toMatch(/no longer exists/);
    const destroyed = Object.defineProperty({}, 'url', {
      get: () => {
        throw new Error('Render frame was disposed');
      },
    }) as FrameLike;
    expect(checkIpcSender(destroyed, main, APP_ORIGIN)).toMatch(/no longer exists/);
  });

  it('refuses a sub-frame, even one on our origin', () => {
    const sub: FrameLike = { url: 'app://mesa/index.html', parent: main };
    expect(checkIpcSender(sub, main, APP_ORIGIN)).toMatch(/main frame/);
  });

  it('refuses a top-level frame that is not the window’s main frame', () => {
    expect(checkIpcSender({ url: 'app://mesa/', parent: null }, main, APP_ORIGIN)).toMatch(/main frame/);
  });

  it.each([
    'https://evil.test/',
    'https://app.example.com.evil.test/',
    'app://mesa.evil/',
    'file:///tmp/x.html',
    'about:blank',
    'data:text/html,x',
  ])('refuses our main frame once it shows %s', (url) => {
    const frame: FrameLike = { url, parent: null };
    expect(checkIpcSender(frame, frame, APP_ORIGIN)).toMatch(/not allowed/);
  });
});
