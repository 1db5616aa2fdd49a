import {
  DEMO_AGENTS,
  DEMO_CATEGORIES,
  DEMO_POLICIES,
  DEMO_TEAMS,
  INFRA_TEAM,
} from '../backend/seed/demo-org';
import { DemoTicketFactory } from '../backend/seed/demo-tickets';
import { Random } from '../backend/seed/random';
import { ticketWords } from '../renderer/data/search-words';

const DAY_MS = 24 * 60 * 60 * 1000;
const OLDEST_DAYS = 180;

/** A ticket's id and its search words, oldest ticket first (the order a bootstrap adds them). */
export interface WordDoc {
  id: string;
  words: string[];
}

/**
 * The words of `count` demo tickets with their conversations: the same factory, seed and
 * age spread as `--seed-demo` (backend/seed/demo-seed.ts), then the console's ticketWords.
 */
export function demoWordDocs(count: number, now = new Date('2026-06-01T09:00:00Z')): WordDoc[] {
  const random = new Random(20_26);
  const policies = new Map(DEMO_POLICIES.map((p) => [p.id, p]));
  const teams = new Map(DEMO_TEAMS.map((t) => [t.id, t]));
  const categories = new Map(DEMO_CATEGORIES.map((c) => [c.id, c]));
  const factory = new DemoTicketFactory(
    {
      agents: DEMO_AGENTS.map((a) => ({ ...a })),
      teamOf: (category) => categories.get(category)?.defaultTeamId ?? DEMO_TEAMS[0]!.id,
      policyOf: (teamId) => policies.get(teams.get(teamId)?.slaPolicyId ?? '') ?? null,
      nearWarningTeamId: INFRA_TEAM.id,
      autoCloseDays: 3,
    },
    random,
    now,
  );
  const docs: WordDoc[] = [];
  for (let i = 0; i < count; i++) {
    const age = OLDEST_DAYS * DAY_MS * ((count - i) / count) ** 2;
    const createdAt = now.getTime() - age;
    const made = factory.make(age, random.uuidV7(createdAt), () => random.uuidV7(createdAt));
    made.ticket.number = `INC-${1000 + i}`;
    docs.push({
      id: made.ticket.id,
      words: ticketWords(
        made.ticket,
        made.comments.map((c) => c.body),
      ),
    });
  }
  return docs;
}
