import { isOpenStatus, type Agent, type SlaPolicy, type Ticket } from '../../shared/index';
import { hashPassword } from '../auth/passwords';
import { findAgentByEmail, saveAgent } from '../storage/agent-rows';
import type { Database, Tx } from '../storage/database';
import { listReference, saveReference } from '../storage/reference-rows';
import { bulkInsert } from '../storage/bulk-insert';
import { ticketRow } from '../storage/ticket-rows';
import { bumpCounter, writeTransaction, type ChangeLog } from '../sync/change-log';
import {
  DEMO_AGENTS,
  DEMO_CATEGORIES,
  DEMO_MACROS,
  DEMO_PASSWORD,
  DEMO_POLICIES,
  DEMO_TEAMS,
  INFRA_TEAM,
} from './demo-org';
import { DemoTicketFactory, type DemoTicket } from './demo-tickets';
import { Random } from './random';

export const DEFAULT_DEMO_TICKETS = 60;
const CHUNK = 1_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const OLDEST_DAYS = 180;

export interface SeedOptions {
  tickets?: number;
  now: Date;
  autoCloseDays?: number;
}

/**
 * `--seed-demo`: the demo organisation (SLA policies, teams, categories, macros, agents
 * with the password `mesa-demo`) where absent, and demo tickets when there are none yet.
 * Tickets go in bulk, in one transaction, straight to the tables (not through HTTP):
 * 100,000 of them take seconds, and their change rows sync like any other.
 */
export async function seedDemo(
  database: Database,
  options: SeedOptions,
): Promise<{ agentsCreated: number; ticketsCreated: number }> {
  // Hash outside the transaction: on PostgreSQL it holds the writers' lock.
  const hashes = await Promise.all(DEMO_AGENTS.map(() => hashPassword(DEMO_PASSWORD)));
  const { result } = await writeTransaction(database, async (log) => {
    await seedReference(log);
    let agentsCreated = 0;
    for (const [i, agent] of DEMO_AGENTS.entries()) {
      if (await findAgentByEmail(log.trx, agent.email)) continue;
      const full: Agent = { ...agent, openTickets: 0, lastAssignedAt: null };
      await saveAgent(log.trx, full, hashes[i]);
      log.changed('agent', full.id);
      agentsCreated += 1;
    }
    // Numbered before the tickets, as an organisation set up before its first ticket would
    // be: a console filling its cache then has each ticket's SLA policy when the ticket
    // arrives. Flushed after the bulk-numbered tickets, the policies would reach a 100k-ticket
    // bootstrap on its final page, and every open ticket's warning instant would be computed
    // again there.
    await log.flush();
    const existing = await log.trx.selectFrom('tickets').select('id').limit(1).executeTakeFirst();
    const wanted = options.tickets ?? DEFAULT_DEMO_TICKETS;
    const ticketsCreated = existing || wanted === 0 ? 0 : await seedTickets(database, log, wanted, options);
    return { agentsCreated, ticketsCreated };
  });
  return result;
}

async function seedReference(log: ChangeLog): Promise<void> {
  const tables = [
    ['sla_policies', 'sla_policy', DEMO_POLICIES],
    ['teams', 'team', DEMO_TEAMS],
    ['categories', 'category', DEMO_CATEGORIES],
    ['macros', 'macro', DEMO_MACROS],
  ] as const;
  for (const [table, entity, rows] of tables) {
    const present = new Set((await listReference(log.trx, table)).map((r) => r.id));
    for (const row of rows) {
      if (present.has(row.id)) continue;
      await saveReference(log.trx, table, row);
      log.changed(entity, row.id);
    }
  }
}

async function seedTickets(
  database: Database,
  log: ChangeLog,
  count: number,
  options: SeedOptions,
): Promise<number> {
  const now = options.now;
  const policies = new Map((await listReference<SlaPolicy>(log.trx, 'sla_policies')).map((p) => [p.id, p]));
  const teams = new Map(DEMO_TEAMS.map((t) => [t.id, t]));
  const categories = new Map(DEMO_CATEGORIES.map((c) => [c.id, c]));
  const agents = DEMO_AGENTS.map((a) => ({ ...a }));
  const random = new Random(20_26);
  const factory = new DemoTicketFactory(
    {
      agents,
      teamOf: (category) => categories.get(category)?.defaultTeamId ?? DEMO_TEAMS[0]!.id,
      policyOf: (teamId) => policies.get(teams.get(teamId)?.slaPolicyId ?? '') ?? null,
      nearWarningTeamId: INFRA_TEAM.id,
      autoCloseDays: options.autoCloseDays ?? 3,
    },
    random,
    now,
  );
  const nearWarning = Math.min(6, Math.floor(count / 10));
  const regular = count - nearWarning;
  const load = new Map<string, { open: number; lastAssignedAt: string | null }>();
  // Numbers and sequences are reserved here and handed out locally: this transaction
  // holds the writers' lock (see ChangeLog), so nobody else takes any meanwhile.
  const firstNumber = (await bumpCounter(log.trx, 'ticket_number', count)) - count + 1;
  const seqs = { next: (await bumpCounter(log.trx, 'changes', 0)) + 1 };
  const startSeq = seqs.next;
  let chunk: DemoTicket[] = [];
  // Generating the next chunk overlaps with writing the previous one (PostgreSQL works meanwhile).
  let writing: Promise<void> = Promise.resolve();
  for (let i = 0; i < count; i += 1) {
    // Oldest first, denser toward today, so numbers rise with creation time.
    const age = OLDEST_DAYS * DAY_MS * ((regular - i) / regular) ** 2;
    const createdAt = now.getTime() - age;
    const commentIds = () => random.uuidV7(createdAt);
    const made =
      i < regular
        ? factory.make(age, random.uuidV7(createdAt), commentIds)
        : factory.makeNearWarning(
            [4, 9, 15, 25, 40, 60][i - regular] ?? 30,
            random.uuidV7(now.getTime()),
            commentIds,
          );
    made.ticket.number = `INC-${firstNumber + i}`;
    trackLoad(load, made.ticket);
    chunk.push(made);
    if (chunk.length === CHUNK || i === count - 1) {
      await writing;
      writing = writeChunk(database, log.trx, chunk, seqs);
      chunk = [];
    }
  }
  await writing;
  await bumpCounter(log.trx, 'changes', seqs.next - startSeq);
  for (const agent of agents) {
    const tally = load.get(agent.id);
    if (!tally) continue;
    const stored = await findAgentByEmail(log.trx, agent.email);
    if (!stored) continue;
    const next: Agent = {
      ...stored.agent,
      openTickets: stored.agent.openTickets + tally.open,
      lastAssignedAt: tally.lastAssignedAt,
    };
    await saveAgent(log.trx, next);
    log.changed('agent', next.id);
  }
  return count;
}

function trackLoad(load: Map<string, { open: number; lastAssignedAt: string | null }>, ticket: Ticket): void {
  if (!ticket.assigneeId) return;
  const tally = load.get(ticket.assigneeId) ?? { open: 0, lastAssignedAt: null };
  if (isOpenStatus(ticket.status)) tally.open += 1;
  const assignedAt = ticket.audit.find((a) => a.action === 'ticket.assign')?.at ?? null;
  if (assignedAt && (!tally.lastAssignedAt || assignedAt > tally.lastAssignedAt))
    tally.lastAssignedAt = assignedAt;
  load.set(ticket.assigneeId, tally);
}

/** One chunk of tickets and their comments, with change rows numbered from `seqs`. */
function writeChunk(database: Database, trx: Tx, chunk: DemoTicket[], seqs: { next: number }): Promise<void> {
  const tickets = chunk.map((made) => ticketRow(made.ticket));
  const comments = chunk.flatMap((made) =>
    made.comments.map((c) => ({
      id: c.id,
      ticket_id: c.ticketId,
      created_at: c.createdAt,
      data: JSON.stringify(c),
    })),
  );
  const changes = [
    ...tickets.map((row) => ({
      entity: 'ticket',
      entity_id: row.id,
      seq: seqs.next++,
      op: 'upsert' as const,
    })),
    ...comments.map((row) => ({
      entity: 'comment',
      entity_id: row.id,
      seq: seqs.next++,
      op: 'upsert' as const,
    })),
  ];
  return (async () => {
    await bulkInsert(database, trx, 'tickets', tickets);
    await bulkInsert(database, trx, 'comments', comments);
    await bulkInsert(database, trx, 'changes', changes);
  })();
}
