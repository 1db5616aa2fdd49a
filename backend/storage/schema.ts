/**
 * The tables, as Kysely sees them. Times are ISO 8601 UTC strings in both dialects (they
 * sort as text, and the same rows read back the same from SQLite and PostgreSQL). Entity
 * bodies are the wire JSON as text: a pull copies them into the response without
 * parsing, and PostgreSQL never re-formats them as jsonb would.
 */
export interface Schema {
  sync_counter: { name: string; value: number };
  changes: { entity: string; entity_id: string; seq: number; op: 'upsert' | 'delete' };
  server_settings: { key: string; value: string };
  agents: {
    id: string;
    email: string;
    role: string;
    active: number;
    password_hash: string | null;
    data: string;
  };
  auth_tokens: {
    token_hash: string;
    agent_id: string;
    created_at: string;
    expires_at: string;
    revoked_at: string | null;
  };
  teams: { id: string; data: string };
  categories: { id: string; data: string };
  sla_policies: { id: string; data: string };
  macros: { id: string; data: string };
  tickets: {
    id: string;
    number: string | null;
    status: string;
    assignee_id: string | null;
    team_id: string | null;
    category: string;
    priority: number;
    created_at: string;
    updated_at: string;
    resolved_at: string | null;
    data: string;
  };
  comments: { id: string; ticket_id: string; created_at: string; data: string };
  attachments: { id: string; ticket_id: string; sha256: string; created_at: string; data: string };
  /** created_at: when the bytes were last uploaded; unreferenced blobs are deleted a grace period after it. */
  blobs: { sha256: string; size: number; content_type: string; created_at: string };
  /** PostgreSQL only: the bytes of each blob, in order of n. */
  blob_chunks: { sha256: string; n: number; bytes: Buffer };
  applied_mutations: {
    id: string;
    client_id: string;
    agent_id: string | null;
    type: string;
    status: 'applied' | 'rejected';
    code: string | null;
    message: string | null;
    applied_at: string;
  };
  /** Mutation ids whose full result was compacted away (storage/retention.ts): kept forever. */
  applied_mutation_ids: {
    id: string;
    rejected_code: string | null;
  };
  outbound_email: {
    id: string;
    kind: string;
    to_address: string;
    subject: string;
    body: string;
    ticket_id: string | null;
    created_at: string;
    sent_at: string | null;
    status: 'queued' | 'sent' | 'failed';
    lang: string | null;
    html: string | null;
    message_id: string | null;
    in_reply_to: string | null;
    references_header: string | null;
    comment_id: string | null;
    attempts: number;
    next_attempt_at: string | null;
    lease_until: string | null;
    last_error: string | null;
    failed_at: string | null;
  };
  ticket_mail: { ticket_id: string; lang: string; thread_id: string; page_version: number };
  inbound_email: {
    message_id: string;
    mailbox_uid: string | null;
    ticket_id: string | null;
    outcome: string;
    reason: string | null;
    received_at: string;
  };
}

/** Reference tables that hold one wire entity per row. */
export type ReferenceTable = 'teams' | 'categories' | 'sla_policies' | 'macros';
