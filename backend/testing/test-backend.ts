import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { LoginResponse, MutationEnvelope, MutationResult, PullResponse } from '../../shared/index';
import { configWith, type BackendConfig } from '../config';
import { startBackend, type RunningBackend, type StartOptions } from '../server';
import { HttpClient, type HttpResult } from './http-client';
import { requirePostgresForTests, startPostgresCluster, type PostgresCluster } from './postgres-cluster';

export type DialectName = 'sqlite' | 'postgres';

// Cheap password hashing for test runs (see auth/passwords.ts); set before anything hashes.
process.env.MESA_SCRYPT_LOG2N ??= '10';

/** The dialects a suite runs on: both where PostgreSQL is installed (always in CI). */
export const TEST_DIALECTS: DialectName[] = requirePostgresForTests() ? ['sqlite', 'postgres'] : ['sqlite'];

let cluster: Promise<PostgresCluster> | undefined;
let databases = 0;

// Registered when a test file imports this module, so it runs after that file's suites
// (a hook registered later, inside a beforeAll, would not be).
afterAll(async () => {
  const running = cluster;
  cluster = undefined;
  await (await running)?.stop();
});

/** One PostgreSQL cluster per test file, started on first use and stopped after the file. */
export async function freshDatabaseUrl(): Promise<string> {
  cluster ??= startPostgresCluster();
  return (await cluster).createDatabase(`mesa_${process.pid}_${++databases}`);
}

export interface TestBackend {
  dialect: DialectName;
  url: string;
  dataDir: string;
  databaseUrl?: string;
  backend: RunningBackend;
  http: HttpClient;
  login(email?: string, password?: string): Promise<HttpClient>;
  push(client: HttpClient, mutations: MutationEnvelope[], clientId?: string): Promise<MutationResult[]>;
  pullAll(client: HttpClient, cursor?: number, limit?: number): Promise<PullResponse['changes']>;
  close(): Promise<void>;
}

/**
 * An in-process backend on a fresh database of the given dialect, listening on a free
 * port, seeded with the demo organisation (no tickets unless asked).
 */
export async function startTestBackend(
  dialect: DialectName,
  overrides: Partial<BackendConfig> = {},
  options: StartOptions & { databaseUrl?: string; dataDir?: string } = {},
): Promise<TestBackend> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mesa-test-'));
  const databaseUrl =
    dialect === 'postgres' ? (options.databaseUrl ?? (await freshDatabaseUrl())) : undefined;
  const config = configWith({
    dataDir,
    port: 0,
    seedDemo: true,
    demoTickets: 0,
    logLevel: 'silent',
    ...(databaseUrl ? { databaseUrl } : {}),
    ...overrides,
  });
  const backend = await startBackend(config, {
    autoCloseJob: false,
    blobCleanupJob: false,
    retentionJob: false,
    ...options,
  });
  const http = new HttpClient(backend.url);
  return {
    dialect,
    url: backend.url,
    dataDir,
    databaseUrl,
    backend,
    http,
    async login(email = 'agent@example.com', password = 'mesa-demo') {
      const res = await http.post<LoginResponse>('/api/v1/auth/login', { email, password });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
      return http.withToken(res.body.token);
    },
    async push(client, mutations, clientId = 'test-client') {
      const res = await client.post<{ results: MutationResult[] }>('/api/v1/sync/push', {
        clientId,
        mutations,
      });
      if (res.status !== 200) throw new Error(`push failed: ${res.status} ${res.text}`);
      return res.body.results;
    },
    async pullAll(client, cursor = 0, limit = 1000) {
      const changes: PullResponse['changes'] = [];
      for (;;) {
        const res: HttpResult<PullResponse> = await client.get<PullResponse>(
          `/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`,
        );
        if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${res.text}`);
        changes.push(...res.body.changes);
        cursor = res.body.cursor;
        if (!res.body.hasMore) return changes;
      }
    },
    async close() {
      await backend.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Builders for mutations, with fresh ids. */
export const mutations = {
  create(overrides: Record<string, unknown> = {}): MutationEnvelope & { args: { ticketId: string } } {
    const ticketId = uuidv7();
    const envelope = {
      id: uuidv7(),
      type: 'ticket.create',
      args: {
        ticketId,
        title: 'La impresora no imprime',
        description: 'Se queda en cola.',
        category: 'printing',
        impact: 2,
        urgency: 2,
        requester: { name: 'Carmen García', email: 'carmen@example.org' },
        ...overrides,
      },
    };
    return envelope;
  },
  of(type: string, args: Record<string, unknown>): MutationEnvelope {
    return { id: uuidv7(), type, args };
  },
  /** An administrator's agent.upsert of the demo agent Lucía, as seeded, with these changes. */
  upsertLucia(changes: Record<string, unknown>): MutationEnvelope {
    return mutations.of('agent.upsert', {
      agentId: DEMO_IDS.lucia,
      name: 'Lucía Fernández',
      email: 'lucia@example.com',
      role: 'agent',
      teamIds: [DEMO_IDS.serviceDesk],
      skills: ['access'],
      capacity: 12,
      ...changes,
    });
  },
};

export const DEMO_IDS = {
  admin: '01900000-0000-7000-8000-000000000101',
  agent: '01900000-0000-7000-8000-000000000102',
  lucia: '01900000-0000-7000-8000-000000000103',
  serviceDesk: '01900000-0000-7000-8000-000000000001',
  infra: '01900000-0000-7000-8000-000000000002',
};
