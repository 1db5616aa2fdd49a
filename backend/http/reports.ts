import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../shared/index';
import { SlaReportBuilder, slaReportQuerySchema, slaReportSchema } from '../../shared/reports/index';
import type { Services } from '../services';
import { loadReferenceData } from '../storage/reference-rows';
import { ticketPagesCreatedAround } from '../storage/report-rows';
import { requireAgent, signedInAgent } from './authenticate';
import { HttpError } from './errors';

/** Tickets per page: each page is parsed and judged in one turn of the event loop. */
const PAGE_SIZE = 1_000;

function requireAdmin(request: FastifyRequest): void {
  if (signedInAgent(request).role !== 'admin')
    throw new HttpError(
      403,
      'forbidden',
      'Reports are for administrators; ask an admin of this Mesa server.',
    );
}

export function registerReports(app: FastifyInstance, services: Services): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/reports/sla',
    {
      schema: {
        summary: 'SLA compliance of the tickets created in [from, to), grouped',
        description:
          'Each clock of each ticket created in [from, to) is judged at the time of the request by the same SLA rules the console runs: ' +
          '`met` = stopped within its target; `breached` = stopped after it, or still running past it; ' +
          '`running` = not yet due (a paused clock counts here); `compliance` = met / (met + breached), null when both are 0. ' +
          "`key` is the team id, agent id ('' for unassigned or no team), category or priority ('1'…'5'); a ticket counts for the team " +
          'and agent that hold it now. Tickets without an SLA policy count in `tickets` but in neither clock. Admins only.',
        tags: ['reports'],
        querystring: slaReportQuerySchema,
        response: { 200: slaReportSchema, 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema },
        security: [{ bearer: [] }],
      },
      // Who may ask comes before what was asked: a stranger learns nothing from validation errors.
      onRequest: [requireAgent(services), async (request) => requireAdmin(request)],
    },
    async (request) => {
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      const { policies } = await loadReferenceData(services.database.db);
      const report = new SlaReportBuilder({
        policies,
        from,
        to,
        groupBy: request.query.groupBy,
        now: services.clock(),
      });
      // Pages, with a turn of the event loop between them, so a year of tickets does not
      // hold up every other agent's sync while it is judged.
      for await (const page of ticketPagesCreatedAround(services.database.db, from, to, PAGE_SIZE)) {
        for (const ticket of page) report.add(ticket);
        await nextTurn();
      }
      return report.build();
    },
  );
}
