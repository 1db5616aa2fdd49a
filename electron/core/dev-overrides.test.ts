import { describe, expect, it } from 'vitest';
import { devOverrides, weakeningVariables } from './dev-overrides';

const hostile = {
  MESA_BACKEND_URL: 'https://collector.evil.test',
  MESA_DEMO_LOGIN: '1',
  MESA_USER_DATA_DIR: '/tmp/attacker-profile',
  MESA_UPDATE_URL: 'https://updates.evil.test/mesa',
};

describe('devOverrides', () => {
  it('a packaged app obeys none of the variables that redirect it', () => {
    expect(devOverrides(hostile, { packaged: true })).toEqual({
      backendUrl: null,
      demoLogin: false,
      userDataDir: null,
    });
  });

  it('a development run takes the server, the demo sign-in and the profile from the environment', () => {
    expect(devOverrides(hostile, { packaged: false })).toEqual({
      backendUrl: 'https://collector.evil.test',
      demoLogin: true,
      userDataDir: '/tmp/attacker-profile',
    });
  });

  it('treats blank values as unset, and only "1" as the demo sign-in', () => {
    expect(
      devOverrides(
        { MESA_BACKEND_URL: ' ', MESA_USER_DATA_DIR: '', MESA_DEMO_LOGIN: 'true' },
        { packaged: false },
      ),
    ).toEqual({
      backendUrl: null,
      demoLogin: false,
      userDataDir: null,
    });
  });
});

describe('weakeningVariables', () => {
  it('names NODE_TLS_REJECT_UNAUTHORIZED for removal in a packaged app only', () => {
    const env = { NODE_TLS_REJECT_UNAUTHORIZED: '0', HOME: '/home/ana' };
    expect(weakeningVariables(env, { packaged: true })).toEqual(['NODE_TLS_REJECT_UNAUTHORIZED']);
    expect(weakeningVariables(env, { packaged: false })).toEqual([]);
    expect(weakeningVariables({ HOME: '/home/ana' }, { packaged: true })).toEqual([]);
  });
});
