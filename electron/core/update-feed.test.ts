import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPDATE_URL, decideUpdateFeed } from './update-feed';

const packaged = (env: Record<string, string | undefined>, configuredUrl?: string | null) =>
  decideUpdateFeed({ isPackaged: true, env, configuredUrl });

describe('decideUpdateFeed', () => {
  it('never updates a development run', () => {
    expect(decideUpdateFeed({ isPackaged: false, env: { MESA_UPDATE_URL: 'https://updates.acme.test/mesa' } })).toEqual({
      enabled: false,
      reason: 'not_packaged',
    });
  });

  it('uses MESA_UPDATE_URL over the configured URL', () => {
    expect(packaged({ MESA_UPDATE_URL: 'https://mirror.acme.test/mesa/' }, 'https://updates.acme.test/mesa')).toEqual({
      enabled: true,
      options: { provider: 'generic', url: 'https://mirror.acme.test/mesa', channel: 'latest' },
    });
    expect(packaged({}, 'https://updates.acme.test/mesa')).toMatchObject({ enabled: true, options: { url: 'https://updates.acme.test/mesa' } });
  });

  it('stays quiet when only the placeholder feed is known', () => {
    expect(packaged({})).toEqual({ enabled: false, reason: 'not_configured' });
  });

  it('can be switched off', () => {
    expect(packaged({ MESA_UPDATE_URL: 'https://updates.acme.test/mesa', MESA_UPDATE_DISABLED: '1' })).toEqual({
      enabled: false,
      reason: 'disabled',
    });
  });

  it.each(['http://updates.acme.test/mesa', 'ftp://updates.acme.test', 'https://user:pw@updates.acme.test', 'not a url'])(
    'refuses %s: updates are code, so TLS only',
    (url) => {
      expect(packaged({ MESA_UPDATE_URL: url })).toMatchObject({ enabled: false, reason: 'invalid_url' });
    },
  );

  it('allows plain http on loopback, for testing an update locally', () => {
    expect(packaged({ MESA_UPDATE_URL: 'http://127.0.0.1:8080/mesa' })).toMatchObject({ enabled: true });
  });

  it('has the same default as the packaging config', () => {
    const require = createRequire(import.meta.url);
    const saved = process.env.MESA_UPDATE_URL;
    delete process.env.MESA_UPDATE_URL;
    try {
      const path = require.resolve('../../build/electron-builder.config.cjs');
      delete require.cache[path];
      const config = require(path) as { publish: Array<{ url: string }> };
      expect(config.publish[0]?.url).toBe(DEFAULT_UPDATE_URL);
    } finally {
      if (saved !== undefined) process.env.MESA_UPDATE_URL = saved;
    }
  });
});
