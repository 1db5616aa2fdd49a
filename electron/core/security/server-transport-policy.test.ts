import { describe, expect, it } from 'vitest';
import { decideServerTransport } from './server-transport-policy';

describe('decideServerTransport: https, or plain http on loopback only', () => {
  it.each([
    'https://mesa.acme.test',
    'https://10.0.0.5:4000/',
    'http://127.0.0.1:4000',
    'http://127.9.8.7:4000',
    'http://127.1:4000', // the URL parser reads it as 127.0.0.1
    'http://2130706433:4000', // 127.0.0.1 as one number
    'http://localhost:4000',
    'http://LOCALHOST:4000',
    'http://[::1]:4000',
    'http://[0:0:0:0:0:0:0:1]:4000',
    'http://[::ffff:127.0.0.1]:4000',
  ])('allows %s', (url) => {
    expect(decideServerTransport(url)).toEqual({ allowed: true });
  });

  it.each([
    'http://10.0.0.5:4000',
    'http://192.168.1.20',
    'http://mesa.acme.test',
    'http://0.0.0.0:4000', // every interface, not loopback: a peer can answer for it
    'http://128.0.0.1:4000',
    'http://localhost.:4000',
    'http://localhost.evil.test:4000',
    'http://127.0.0.1.evil.test:4000',
    'http://app.localhost:4000',
    'http://[::2]:4000',
    'http://[::ffff:10.0.0.5]:4000',
  ])('refuses plain http to %s', (url) => {
    expect(decideServerTransport(url)).toEqual({ allowed: false, reason: 'insecure_http' });
  });

  it.each(['ws://127.0.0.1:4000', 'ftp://mesa.acme.test', 'not a url', ''])(
    'refuses %j as no server address',
    (url) => {
      expect(decideServerTransport(url)).toEqual({ allowed: false, reason: 'invalid_url' });
    },
  );
});
