import { createHash, randomBytes } from 'node:crypto';
import type { Agent } from '../../shared/index';
import type { Database } from '../storage/database';
import { prepared } from '../storage/sqlite-direct';

type TokenRow = { data: string; active: number; expires_at: string; revoked_at: string | null };

const FIND_TOKEN = `select agents.data, agents.active, auth_tokens.expires_at, auth_tokens.revoked_at
  from auth_tokens join agents on agents.id = auth_tokens.agent_id where auth_tokens.token_hash = ?`;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Opaque bearer tokens: 32 random bytes for the client, only their SHA-256 in the
 * database (a stolen backup holds no usable token). They expire and can be revoked.
 */
export class TokenStore {
  constructor(
    private readonly database: Database,
    private readonly ttlMs: number,
    private readonly clock: () => Date,
  ) {}

  async issue(agentId: string): Promise<{ token: string; expiresAt: string }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + this.ttlMs).toISOString();
    await this.database.db
      .insertInto('auth_tokens')
      .values({
        token_hash: hashToken(token),
        agent_id: agentId,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        revoked_at: null,
      })
      .execute();
    return { token, expiresAt };
  }

  /** The active agent a token belongs to, or undefined if it is unknown, expired, revoked or the agent is deactivated. */
  async authenticate(token: string): Promise<Agent | undefined> {
    if (token.length === 0 || token.length > 200) return undefined;
    const row = await this.findToken(hashToken(token));
    if (!row || row.revoked_at || !row.active) return undefined;
    if (row.expires_at <= this.clock().toISOString()) return undefined;
    return JSON.parse(row.data) as Agent;
  }

  private async findToken(tokenHash: string): Promise<TokenRow | undefined> {
    const { sqlite } = this.database;
    if (sqlite) {
      // Every sync request runs this; on SQLite as a statement prepared once (see
      // sqlite-direct), held on Kysely's one connection so it never reads into a write
      // transaction in progress. The query builder costs several times more per lookup than
      // the prepared statement (bench/README.md).
      return this.database.db
        .connection()
        .execute(async () => prepared(sqlite, FIND_TOKEN).get(tokenHash) as TokenRow | undefined);
    }
    return this.database.db
      .selectFrom('auth_tokens')
      .innerJoin('agents', 'agents.id', 'auth_tokens.agent_id')
      .select(['agents.data', 'agents.active', 'auth_tokens.expires_at', 'auth_tokens.revoked_at'])
      .where('auth_tokens.token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async revoke(token: string): Promise<void> {
    await this.database.db
      .updateTable('auth_tokens')
      .set({ revoked_at: this.clock().toISOString() })
      .where('token_hash', '=', hashToken(token))
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Signs an agent out everywhere (deactivation, password reset). */
  async revokeAllFor(db: Database['db'], agentId: string): Promise<void> {
    await db
      .updateTable('auth_tokens')
      .set({ revoked_at: this.clock().toISOString() })
      .where('agent_id', '=', agentId)
      .where('revoked_at', 'is', null)
      .execute();
  }
}
