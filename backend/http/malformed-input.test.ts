import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient, HttpResult } from '../testing/http-client';
import { TEST_DIALECTS, mutations, startTestBackend, type TestBackend } from '../testing/test-backend';

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

describe.each(TEST_DIALECTS)(
  'malformed input gets a 4xx in the error shape and changes nothing (%s)',
  (dialect) => {
    let t: TestBackend;
    let agent: HttpClient;
    let before: unknown[];
    beforeAll(async () => {
      t = await startTestBackend(dialect, { maxBodyBytes: 256 * 1024, maxAttachmentBytes: 64 * 1024 });
      agent = await t.login();
      await t.push(agent, [mutations.create()]);
      before = await t.pullAll(agent);
    });
    afterAll(async () => {
      // Nothing that was refused left a trace.
      expect(await t.pullAll(agent)).toEqual(before);
      await t?.close();
    });

    const expectError = (res: HttpResult, status: number, code?: string) => {
      expect(res.status, res.text).toBe(status);
      expect(res.body).toEqual(errorShape);
      if (code) expect((res.body as { error: { code: string } }).error.code).toBe(code);
    };
    const raw = (
      path: string,
      body: string | Uint8Array,
      contentType = 'application/json',
      method = 'POST',
    ) => agent.request(method, path, { body, headers: { 'content-type': contentType } });

    it('bad JSON, empty bodies and JSON of the wrong shape', async () => {
      expectError(await raw('/api/v1/sync/push', '{"clientId": "c", "mutations": ['), 400, 'invalid_json');
      expectError(await raw('/api/v1/sync/push', ''), 400);
      expectError(await raw('/api/v1/sync/push', 'null'), 400, 'validation_failed');
      expectError(await raw('/api/v1/sync/push', '[]'), 400, 'validation_failed');
      expectError(
        await raw('/api/v1/sync/push', '{"clientId": 5, "mutations": {}}'),
        400,
        'validation_failed',
      );
      expectError(
        await raw(
          '/api/v1/sync/push',
          '{"clientId": "c", "mutations": [{"id": "nope", "type": "ticket.create", "args": {}}]}',
        ),
        400,
        'validation_failed',
      );
      expectError(
        await raw('/api/v1/sync/push', '{"__proto__": {"admin": true}, "clientId": "c", "mutations": []}'),
        400,
      );
      expectError(
        await raw('/api/v1/auth/login', '{"email": "agent@example.com"}'),
        400,
        'validation_failed',
      );
      expectError(
        await raw('/api/v1/auth/login', '{"email": ["x"], "password": 1}'),
        400,
        'validation_failed',
      );
    });

    it('too many mutations in one push, and bodies over the limit', async () => {
      const small = Array.from({ length: 501 }, () => ({ id: crypto.randomUUID(), type: 'x', args: {} }));
      expectError(
        await agent.post('/api/v1/sync/push', { clientId: 'c', mutations: small }),
        400,
        'validation_failed',
      );
      expectError(
        await raw(
          '/api/v1/sync/push',
          JSON.stringify({ clientId: 'c', mutations: [], pad: 'x'.repeat(300 * 1024) }),
        ),
        413,
        'payload_too_large',
      );
    });

    it('wrong content types, methods and routes', async () => {
      expectError(
        await raw('/api/v1/sync/push', '<push/>', 'application/xml'),
        415,
        'unsupported_media_type',
      );
      expectError(await raw('/api/v1/sync/push', 'clientId=c', 'text/plain'), 400, 'validation_failed');
      expectError(
        await raw('/api/v1/sync/push', 'clientId=c&mutations=x', 'application/x-www-form-urlencoded'),
        400,
        'validation_failed',
      );
      expectError(await agent.get('/api/v1/nothing-here'), 404, 'not_found');
      expectError(await agent.request('DELETE', '/api/v1/sync/pull'), 404, 'not_found');
      expectError(await agent.get('/api/v2/sync/pull'), 404, 'not_found');
    });

    it('bad cursors and limits', async () => {
      for (const query of [
        'cursor=abc',
        'cursor=-1',
        'cursor=1.5',
        'cursor=1e400',
        'limit=0',
        'limit=5000',
        'limit=x',
        'cursor=%zz',
      ]) {
        const res = await agent.get(`/api/v1/sync/pull?${query}`);
        expect(res.status, query).toBe(400);
        expect(res.body).toEqual(errorShape);
      }
    });

    it('bad attachment hashes, mismatched bytes and files over the limit', async () => {
      const bytes = new TextEncoder().encode('hola');
      expectError(
        await raw('/api/v1/attachments/not-a-hash', bytes, 'text/plain', 'PUT'),
        400,
        'validation_failed',
      );
      expectError(
        await raw(`/api/v1/attachments/${'A'.repeat(64)}`, bytes, 'text/plain', 'PUT'),
        400,
        'validation_failed',
      );
      expectError(
        await raw(`/api/v1/attachments/${'0'.repeat(64)}`, bytes, 'text/plain', 'PUT'),
        400,
        'hash_mismatch',
      );
      expectError(
        await raw(`/api/v1/attachments/${'0'.repeat(64)}`, new Uint8Array(65 * 1024), 'image/png', 'PUT'),
        413,
        'payload_too_large',
      );
      expectError(await agent.get(`/api/v1/attachments/${'0'.repeat(64)}`), 404, 'not_found');
    });

    it('a mutation with hostile text is stored as text, not interpreted', async () => {
      const nasty = mutations.create({
        title: '<script>alert(1)</script>\u0000 ☃ \ud800',
        description: "'; drop table tickets; --",
      });
      const [result] = await t.push(agent, [nasty]);
      expect(result?.status).toBe('applied');
      const ticket = (await t.pullAll(agent)).find((c) => c.id === nasty.args.ticketId)!.data as {
        title: string;
        description: string;
      };
      expect(ticket.description).toBe("'; drop table tickets; --");
      expect(ticket.title.startsWith('<script>')).toBe(true);
      before = await t.pullAll(agent);
    });
  },
);
