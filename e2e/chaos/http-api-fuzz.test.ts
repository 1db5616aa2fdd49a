// The HTTP API fuzzed against a real backend process: every route the backend's own OpenAPI
// document lists, hit with malformed bodies, headers, params and queries (fast-check, a
// bounded number of runs). A client's mistake is always answered 4xx in the error shape,
// never 5xx, and the server is healthy afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import { login } from './server-state';

let backend: BackendProcess;
let token: string;
let routes: Array<{ method: string; path: string }> = [];

beforeAll(async () => {
  backend = await startBackendProcess({ seedDemo: true, demoTickets: 5 });
  token = await login(backend.url, 'agent@example.com', 'mesa-demo');
  const doc = (await (await fetch(`${backend.url}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ['get', 'post', 'put', 'delete', 'patch'].includes(m))
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
}, 90_000);
afterAll(async () => {
  await backend?.stop();
});

const garbageText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '../../../etc/passwd',
    '%00',
    '%2e%2e%2f',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    'x'.repeat(5_000),
    '𝕏💥\u0000\uffff',
    '-1',
    '1e309',
    'NaN',
    '__proto__',
  ),
);
const garbageBody = fc.oneof(
  fc.json({ maxDepth: 4 }),
  garbageText,
  fc.constantFrom(
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{',
    '[1,2',
    'null',
    '{"email":1,"password":[]}',
    '{"clientId":"c","mutations":"all"}',
    '{"clientId":"c","mutations":[{"id":"not-a-uuid","type":"ticket.create","args":null}]}',
    JSON.stringify({ mutations: Array.from({ length: 5000 }, () => ({})) }),
    JSON.stringify({ deep: JSON.parse('['.repeat(500) + ']'.repeat(500)) }),
  ),
);
const request = fc.record({
  body: garbageBody,
  contentType: fc.constantFrom(
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'image/png',
    'application/json; charset=utf-16',
    '',
  ),
  auth: fc.constantFrom('none', 'valid', 'garbage', 'huge'),
  param: garbageText,
  query: fc.dictionary(fc.constantFrom('cursor', 'limit', 'token', 'x', '__proto__'), garbageText, {
    maxKeys: 3,
  }),
});

describe('the HTTP API fuzzed with malformed requests', () => {
  it('answers every route with < 500, 4xx in the error shape, and stays healthy', async () => {
    expect(routes.length).toBeGreaterThan(5);
    const seen: string[] = [];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const path = route.path.replace(/\{[^}]+\}|:[A-Za-z0-9_]+/g, encodeURIComponent(r.param) || 'x');
          const url = new URL(`${backend.url}${path}`);
          for (const [k, v] of Object.entries(r.query)) url.searchParams.set(k, v);
          const headers: Record<string, string> = {};
          if (r.contentType) headers['content-type'] = r.contentType;
          if (r.auth === 'valid') headers.authorization = `Bearer ${token}`;
          if (r.auth === 'garbage') headers.authorization = `Bearer ${r.param.replace(/[^\x20-\x7e]/g, '')}`;
          if (r.auth === 'huge') headers.authorization = `Bearer ${'a'.repeat(6_000)}`;
          const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
          const res = await fetch(url, {
            method: route.method,
            headers,
            body: hasBody ? r.body : undefined,
            signal: AbortSignal.timeout(10_000),
          });
          seen.push(`${route.method} ${route.path} ${res.status}`);
          // The event stream legitimately opens for a valid token; close it and move on.
          if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
            await res.body?.cancel();
            return;
          }
          const text = await res.text();
          expect(res.status, `${route.method} ${url.pathname}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400 && (res.headers.get('content-type') ?? '').includes('json'))
            expect(JSON.parse(text)).toEqual({
              error: { code: expect.any(String), message: expect.any(String) },
            });
        }),
        { numRuns: 30, seed: 11 },
      );
    }
    expect(seen.filter((s) => / [45]\d\d$/.test(s)).length).toBeGreaterThan(0);
    const health = await fetch(`${backend.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
  }, 120_000);
});
