import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('reads the contract flags and the options around them', () => {
    const config = parseCliArgs(
      [
        '--port',
        '4000',
        '--data',
        '/tmp/x',
        '--seed-demo',
        '--demo-tickets',
        '100000',
        '--auto-close-days',
        '5',
        '--max-attachment-bytes',
        '1024',
      ],
      {},
    );
    expect(config).toMatchObject({
      port: 4000,
      dataDir: '/tmp/x',
      seedDemo: true,
      demoTickets: 100_000,
      autoCloseDays: 5,
      maxAttachmentBytes: 1024,
      host: '127.0.0.1',
    });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('takes the database URL from the flag or DATABASE_URL', () => {
    expect(parseCliArgs(['--data', 'd'], { DATABASE_URL: 'postgres://a@b/c' }).databaseUrl).toBe(
      'postgres://a@b/c',
    );
    expect(
      parseCliArgs(['--data', 'd', '--database-url', 'postgres://x@y/z'], {
        DATABASE_URL: 'postgres://a@b/c',
      }).databaseUrl,
    ).toBe('postgres://x@y/z');
  });

  it('reads the upload limit and blob cleanup flags, with a day of grace by default', () => {
    const defaults = parseCliArgs([], {});
    expect(defaults.uploadRateLimit.max).toBe(60);
    expect(defaults.blobGraceMs).toBe(24 * 60 * 60 * 1000);
    const config = parseCliArgs(
      ['--upload-rate-limit', '5', '--blob-grace-hours', '2', '--blob-cleanup-interval-seconds', '30'],
      {},
    );
    expect(config.uploadRateLimit).toEqual({ max: 5, windowMs: 60_000 });
    expect(config.blobGraceMs).toBe(2 * 60 * 60 * 1000);
    expect(config.blobCleanupIntervalMs).toBe(30_000);
    expect(() => parseCliArgs(['--upload-rate-limit', '0'], {})).toThrow(/--upload-rate-limit/);
  });

  it('refuses unknown flags and bad numbers with the usage text', () => {
    expect(() => parseCliArgs(['--nope'], {})).toThrow();
    expect(() => parseCliArgs(['--port', 'abc'], {})).toThrow(/--port must be a whole number/);
    expect(() => parseCliArgs(['--demo-tickets', '-1'], {})).toThrow(/usage/);
  });

  it('trusts no proxy unless told: a hop count or addresses and CIDR ranges', () => {
    expect(parseCliArgs([], {}).trustProxy).toBe(false);
    expect(parseCliArgs(['--trust-proxy', '1'], {}).trustProxy).toBe(1);
    expect(parseCliArgs(['--trust-proxy', '10.0.0.5, 10.1.0.0/16,::1'], {}).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
    ]);
    for (const bad of ['0', 'proxy.local', '10.0.0.0/33', '10.0.0.5,', ''])
      expect(() => parseCliArgs(['--trust-proxy', bad], {})).toThrow(/--trust-proxy/);
  });

  it('reads the per-address limit on failed sign-ins', () => {
    expect(parseCliArgs(['--login-address-limit', '50'], {}).loginThrottle.addressFailures.max).toBe(50);
    expect(() => parseCliArgs(['--login-address-limit', '0'], {})).toThrow(/--login-address-limit/);
  });
});
