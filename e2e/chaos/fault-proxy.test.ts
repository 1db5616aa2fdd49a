import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy } from './fault-proxy';

let upstream: Server;
let upstreamUrl: string;
let hits = 0;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    hits += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url, padding: 'x'.repeat(2_000) }));
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

describe('fault proxy', () => {
  it('passes requests through when no fault is set', async () => {
    const proxy = await startFaultProxy({ target: upstreamUrl, seed: 1 });
    const res = await fetch(`${proxy.url}/hello`);
    expect(await res.json()).toMatchObject({ path: '/hello' });
    await proxy.close();
  });

  it('forwards a duplicated request twice', async () => {
    const proxy = await startFaultProxy({ target: upstreamUrl, seed: 1, rates: { duplicate: 1 } });
    const before = hits;
    await (await fetch(`${proxy.url}/dup`)).json();
    expect(hits - before).toBe(2);
    expect(proxy.counts.duplicate).toBe(1);
    await proxy.close();
  });

  it('answers 502 and drops without reaching the server', async () => {
    const proxy = await startFaultProxy({ target: upstreamUrl, seed: 1, rates: { badGateway: 1 } });
    const before = hits;
    expect((await fetch(`${proxy.url}/x`)).status).toBe(502);
    proxy.setRates({ badGateway: 0, drop: 1 });
    await expect(fetch(`${proxy.url}/x`)).rejects.toThrow();
    expect(hits).toBe(before);
    await proxy.close();
  });

  it('cuts a response after the server did the work', async () => {
    const proxy = await startFaultProxy({ target: upstreamUrl, seed: 1, rates: { cutResponse: 1 } });
    const before = hits;
    await expect(fetch(`${proxy.url}/cut`).then((r) => r.json())).rejects.toThrow();
    expect(hits - before).toBe(1);
    await proxy.close();
  });

  it('refuses everything while offline', async () => {
    const proxy = await startFaultProxy({ target: upstreamUrl, seed: 1 });
    proxy.setOffline(true);
    await expect(fetch(`${proxy.url}/x`)).rejects.toThrow();
    proxy.setOffline(false);
    expect((await fetch(`${proxy.url}/x`)).status).toBe(200);
    await proxy.close();
  });
});
