import { describe, expect, it } from 'vitest';
import { parseLoadOptions } from './load-options';
import { parseCpuSeconds, parseRssBytes } from './process-stats';

describe('npm run load options', () => {
  it('reads the flags of the documented run', () => {
    expect(parseLoadOptions(['--consoles', '1000', '--rate', '20', '--duration', '60'])).toMatchObject({
      consoles: 1000,
      rate: 20,
      durationS: 60,
      db: 'sqlite',
      instances: 1,
      url: null,
    });
  });

  it('refuses what it cannot run, saying why', () => {
    expect(() => parseLoadOptions(['--consoles', '0'])).toThrow(/--consoles must be a whole number/);
    expect(() => parseLoadOptions(['--duration', '1e9'])).toThrow(/--duration/);
    expect(() => parseLoadOptions(['--db', 'mysql'])).toThrow(/sqlite or postgres/);
    expect(() => parseLoadOptions(['--instances', '2'])).toThrow(/needs --db postgres/);
    expect(() => parseLoadOptions(['--url', 'not a url'])).toThrow();
  });
});

describe('backend process figures from /proc', () => {
  it('adds user and system ticks even when the command name has spaces and parentheses', () => {
    const stat = '4242 (node (mesa) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 11 0 1 2 3';
    expect(parseCpuSeconds(stat)).toBe(3);
  });

  it('reads the resident set size in bytes', () => {
    expect(parseRssBytes('Name:\tnode\nVmRSS:\t  204800 kB\nThreads: 11\n')).toBe(200 * 1024 * 1024);
  });
});
