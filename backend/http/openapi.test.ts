import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../testing/test-backend';

describe('health and OpenAPI', () => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await startTestBackend('sqlite');
  });
  afterAll(() => t?.close());

  it('answers the health check', async () => {
    const res = await t.http.get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  it('describes the API from the schemas that validate it', async () => {
    const res = await t.http.get<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; description?: string }>>;
    }>('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/health',
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/sync/pull',
      '/api/v1/sync/push',
      '/api/v1/events',
      '/api/v1/requests',
      '/api/v1/attachments/{sha256}',
    ]) {
      expect(res.body.paths).toHaveProperty([path]);
    }
    const push = res.body.paths['/api/v1/sync/push']!.post!;
    expect(JSON.stringify(push.requestBody)).toContain('"maxItems":500');
    expect(push.description).toContain('ticket.transition');
  });
});
