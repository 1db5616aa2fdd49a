import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../testing/http-client';
import { DEMO_IDS, mutations, startTestBackend, type TestBackend } from '../testing/test-backend';

/**
 * SQLite has one writer: whatever runs inside a push's transaction holds every other
 * push. A password change or a new account is hashed with scrypt, slow on purpose; this
 * proves it runs before the transaction, by counting the pushes of another agent that
 * complete while the administrator's push is still under way. With the hashing inside,
 * they queue behind it and none completes in between.
 */
describe('password changes and concurrent pushes (SQLite)', () => {
  let t: TestBackend;
  let admin: HttpClient;
  let agent: HttpClient;
  const testCost = process.env.MESA_SCRYPT_LOG2N;
  beforeAll(async () => {
    t = await startTestBackend('sqlite');
    admin = await t.login('admin@example.com');
    agent = await t.login('agent@example.com');
    // Twice the production cost, so the hashing clearly outlasts a push (test runs hash cheaply).
    process.env.MESA_SCRYPT_LOG2N = '16';
  });
  afterAll(async () => {
    process.env.MESA_SCRYPT_LOG2N = testCost;
    await t?.close();
  });

  it("does not stall another agent's pushes while it hashes", async () => {
    const newAccount = crypto.randomUUID();
    const change = t.push(admin, [
      mutations.upsertLucia({ password: 'nueva-clave-larga' }),
      mutations.of('agent.upsert', {
        agentId: newAccount,
        name: 'Nuevo Agente',
        email: 'nuevo@example.com',
        role: 'agent',
        teamIds: [DEMO_IDS.serviceDesk],
        skills: [],
        capacity: 5,
        password: 'otra-clave-larga',
      }),
    ]);
    let changeDone = false;
    void change.then(() => {
      changeDone = true;
    });

    let completedDuring = 0;
    while (!changeDone) {
      const [result] = await t.push(agent, [mutations.create()]);
      expect(result?.status).toBe('applied');
      if (!changeDone) completedDuring += 1;
    }
    expect((await change).map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(completedDuring).toBeGreaterThanOrEqual(2);

    // The new passwords are the ones stored.
    expect(await t.login('lucia@example.com', 'nueva-clave-larga')).toBeTruthy();
    expect(await t.login('nuevo@example.com', 'otra-clave-larga')).toBeTruthy();
  });
});
