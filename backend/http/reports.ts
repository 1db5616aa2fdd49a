import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../shared/index';
import { computeSlaReport, slaReportQuerySchema, slaReportSchema } from '../../shared/reports/index';
import type { Services } from '../services';
import { loadReferenceData } from '../storage/reference-rows';
import { ticketsCreatedAround } from '../storage/report-rows';
import { requireAgent, signedInAgent } from './authenticate';
import { HttpError } from './errors';

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
      const [tickets, refs] = await Promise.all([
        ticketsCreatedAround(services.database.db, from, to),
        loadReferenceData(services.database.db),
      ]);
      return computeSlaReport({
        tickets,
        policies: refs.policies,
        from,
        to,
        groupBy: request.query.groupBy,
        now: services.clock(),
      });
    },
  );
}
