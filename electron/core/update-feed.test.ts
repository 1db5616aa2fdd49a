import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UPDATE_URL, bakedFeedUrl, decideUpdateFeed } from './update-feed';

const packaged = (env: Record<string, string | undefined>, bakedUrl?: string | null) =>
  decideUpdateFeed({ isPackaged: true, env, bakedUrl });

describe('decideUpdateFeed', () => {
  it('never updates a development run', () => {
    expect(
      decideUpdateFeed({ isPackaged: false, env: {}, bakedUrl: 'https://updates.acme.test/mesa' }),
    ).toEqual({
      enabled: false,
      reason: 'not_packaged',
    });
  });

  it('uses the feed baked into the package', () => {
    expect(packaged({}, 'https://updates.acme.test/mesa/')).toEqual({
      enabled: true,
      options: { provider: 'generic', url: 'https://updates.acme.test/mesa', channel: 'latest' },
    });
  });

  it('ignores MESA_UPDATE_URL at run time: the environment cannot redirect updates', () => {
    expect(
      packaged({ MESA_UPDATE_URL: 'https://updates.evil.test/mesa' }, 'https://updates.acme.test/mesa'),
    ).toMatchObject({
      enabled: true,
      options: { url: 'https://updates.acme.test/mesa' },
    });
    expect(packaged({ MESA_UPDATE_URL: 'https://updates.evil.test/mesa' })).toEqual({
      enabled: false,
      reason: 'not_configured',
    });
  });

  it('stays quiet when only the placeholder feed is known', () => {
    expect(packaged({})).toEqual({ enabled: false, reason: 'not_configured' });
    expect(packaged({}, DEFAULT_UPDATE_URL)).toEqual({ enabled: false, reason: 'not_configured' });
  });

  it('can be switched off', () => {
    expect(packaged({ MESA_UPDATE_DISABLED: '1' }, 'https://updates.acme.test/mesa')).toEqual({
      enabled: false,
      reason: 'disabled',
    });
  });

  it.each([
    'http://updates.acme.test/mesa',
    'ftp://updates.acme.test',
    'https://user:pw@updates.acme.test',
    'not a url',
  ])('refuses %s: updates are code, so TLS only', (url) => {
    expect(packaged({}, url)).toMatchObject({ enabled: false, reason: 'invalid_url' });
  });

  it('allows plain http on loopback, for testing an update locally', () => {
    expect(packaged({}, 'http://127.0.0.1:8080/mesa')).toMatchObject({ enabled: true });
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

describe('bakedFeedUrl', () => {
  it('reads the url line of the app-update.yml electron-builder writes', () => {
    const yml =
      'provider: generic\nurl: https://updates.acme.test/mesa\nchannel: latest\nupdaterCacheDirName: mesa-updater\n';
    expect(bakedFeedUrl(yml)).toBe('https://updates.acme.test/mesa');
    expect(bakedFeedUrl("provider: generic\nurl: 'https://updates.acme.test/mesa'\n")).toBe(
      'https://updates.acme.test/mesa',
    );
    expect(bakedFeedUrl('provider: generic\nchannel: latest\n')).toBeNull();
  });
});
