import { randomUUID } from 'node:crypto';
import { CALENDAR_24X7, type SlaPolicy } from '../../shared/index';
import { HttpMesaApi } from '../../renderer/sync/testing/http-mesa-api';
import { readServer } from '../../renderer/sync/testing/server-view';
import { DEMO_PASSWORD } from './mesa-fixtures';

/**
 * A ticket whose SLA thresholds are seconds away, made on the server by the admin the way
 * an admin would (an SLA policy, a team on it, a ticket in that team assigned to the agent
 * under test), so the console learns of it only through its normal sync.
 *
 * First response: due 30 s after creation, warning at 30 % (9 s). Resolution: 10 h, so it
 * never crosses during a test. 24×7, so it does not depend on the hour the suite runs.
 */
export const FAST_POLICY: SlaPolicy = {
  id: 'e2e-seconds',
  name: 'E2E seconds',
  calendar: CALENDAR_24X7,
  targets: {
    1: { firstResponseMinutes: 0.5, resolutionMinutes: 600 },
    2: { firstResponseMinutes: 0.5, resolutionMinutes: 600 },
    3: { firstResponseMinutes: 0.5, resolutionMinutes: 600 },
    4: { firstResponseMinutes: 0.5, resolutionMinutes: 600 },
    5: { firstResponseMinutes: 0.5, resolutionMinutes: 600 },
  },
  warnAtFraction: 0.3,
};

export interface FastSlaTicket {
  ticketId: string;
  number: string;
  title: string;
}

async function signedIn(backendUrl: string, email: string): Promise<{ api: HttpMesaApi; agentId: string }> {
  const api = new HttpMesaApi(backendUrl);
  const session = await api.login({ serverUrl: backendUrl, email, password: DEMO_PASSWORD });
  if (!session.agent) throw new Error(`${email} could not sign in`);
  return { api, agentId: session.agent.id };
}

export async function createFastSlaTicket(
  backendUrl: string,
  assigneeEmail = 'agent@example.com',
): Promise<FastSlaTicket> {
  const { api: admin } = await signedIn(backendUrl, 'admin@example.com');
  const { agentId } = await signedIn(backendUrl, assigneeEmail);
  const teamId = randomUUID();
  const ticketId = randomUUID();
  const title = 'E2E: the VPN drops every minute';
  const { results } = await admin.push({
    clientId: 'e2e-fast-sla',
    mutations: [
      { id: randomUUID(), type: 'sla_policy.upsert', args: FAST_POLICY },
      {
        id: randomUUID(),
        type: 'team.upsert',
        args: { id: teamId, name: 'E2E seconds', slaPolicyId: FAST_POLICY.id },
      },
      {
        id: randomUUID(),
        type: 'ticket.create',
        args: {
          ticketId,
          title,
          description: 'Made by the e2e suite.',
          category: 'network',
          impact: 2,
          urgency: 2,
          teamId,
          requester: { name: 'Eva', email: 'eva@example.com' },
        },
      },
      { id: randomUUID(), type: 'ticket.assign', args: { ticketId, assigneeId: agentId, teamId } },
    ],
  });
  const refused = results.filter((r) => r.status !== 'applied');
  if (refused.length) throw new Error(`the server refused the fast SLA set-up: ${JSON.stringify(refused)}`);
  const number = (await readServer(admin)).tickets.get(ticketId)?.number;
  if (!number) throw new Error('the fast SLA ticket has no number');
  return { ticketId, number, title };
}
