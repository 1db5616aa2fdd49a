// Every invoke channel of the IPC table, fed schema-breaking payloads through the real
// core's router: each answer is a validation error envelope, nothing throws, no handler
// sees the garbage, and no prototype gets polluted. Bounded (fast-check numRuns) so it
// stays cheap on a shared two-core machine.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ipcInvokeChannels, type InvokeChannel } from '../../shared/ipc/contract';
import { createConsoleCore } from './console-core';
import { FileCredentialStore } from './credential-store';
import { createIpcRouter, type IpcHandlers } from './ipc-router';
import { testHost } from '../testing/recording-core';

const core = createConsoleCore({
  store: new FileCredentialStore(join(mkdtempSync(join(tmpdir(), 'mesa-ipc-fuzz-')), 'session.json')),
  host: testHost,
  serverUrl: 'http://127.0.0.1:9',
});
afterAll(() => core.stop());

const reached: string[] = [];
const spied = Object.fromEntries(
  Object.entries(core.handlers).map(([channel, handler]) => [
    channel,
    (request: unknown) => {
      reached.push(channel);
      return (handler as (r: unknown) => unknown)(request);
    },
  ]),
) as unknown as IpcHandlers;
const router = createIpcRouter({ handlers: spied, onUnexpectedError: () => {} });

const huge = 'x'.repeat(2_000_000);
/** Payloads people actually try: wrong types, huge strings, nesting, pollution keys, missing fields. */
const hostile = fc.oneof(
  fc.anything({
    maxDepth: 4,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.constantFrom<unknown>(
    null,
    0,
    -1,
    NaN,
    Infinity,
    '',
    huge,
    [],
    [huge],
    true,
    Symbol.iterator.toString(),
    JSON.parse('{"__proto__":{"polluted":true}}'),
    JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
    { cursor: '0', limit: '10' },
    { cursor: -1, limit: 10 },
    { cursor: 0, limit: 1e9 },
    { serverUrl: 'javascript:alert(1)', email: 'a@b.c', password: 'x' },
    { serverUrl: 'http://user:pw@evil.test', email: 'a@b.c', password: 'x' },
    { serverUrl: 'http://127.0.0.1', email: huge, password: 'x' },
    { clientId: 'c', mutations: [] },
    { clientId: huge, mutations: [{ id: 'nope', type: 'x', args: {} }] },
    { sha256: '../../etc/passwd' },
    { sha256: 'A'.repeat(64), contentType: 'image/png', bytes: 'not bytes' },
    { tag: 't', title: 't', body: 'b', ticketId: 'not-a-uuid' },
    { count: -5 },
    { count: 1.5 },
  ),
  fc.record({ a: fc.string(), nested: fc.array(fc.object({ maxDepth: 3 }), { maxLength: 5 }) }),
);

describe('every IPC channel fuzzed with schema-breaking payloads', () => {
  const channels = Object.keys(ipcInvokeChannels) as InvokeChannel[];
  it.each(channels)('%s answers invalid_request and never reaches its handler', async (channel) => {
    const schema = ipcInvokeChannels[channel].request;
    await fc.assert(
      fc.asyncProperty(hostile, async (payload) => {
        fc.pre(!schema.safeParse(payload).success);
        const before = reached.length;
        const result = await router.dispatch(channel, payload, null);
        expect(result).toEqual({
          ok: false,
          error: { code: 'invalid_request', message: expect.any(String) },
        });
        expect(reached.length).toBe(before);
      }),
      { numRuns: 150, seed: 7 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('unknown and prototype-named channels are refused as unknown_channel', async () => {
    for (const name of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      'x'.repeat(10_000),
      'mesa:pull',
    ]) {
      expect(await router.dispatch(name, {}, null)).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
    }
    expect(reached).toEqual([]);
  });
});
