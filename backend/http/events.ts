import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../services';
import { requireAgent } from './authenticate';

/**
 * Server-sent events: `event: changes` with the latest sequence on connect and whenever
 * it moves, and a comment line as heartbeat so proxies and the client can tell a quiet
 * stream from a dead one. The client pulls; the stream only says "there is something after N".
 */
export function registerEvents(app: FastifyInstance, services: Services): void {
  const open = new Set<() => void>();
  // Streams never go idle, so closing the server must end them or it would wait forever.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/events',
    {
      schema: {
        summary: 'Change announcements (text/event-stream)',
        tags: ['sync'],
        security: [{ bearer: [] }],
      },
      preHandler: requireAgent(services),
    },
    (request, reply) => {
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const announce = (cursor: number) => out.write(`event: changes\ndata: {"cursor":${cursor}}\n\n`);
      out.write(`retry: 3000\n\n`);
      announce(services.notifier.latest);
      const unsubscribe = services.notifier.subscribe(announce);
      const heartbeat = setInterval(
        () => out.write(`: heartbeat ${Date.now()}\n\n`),
        services.config.heartbeatMs,
      );
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
      };
      const end = () => {
        close();
        out.end();
      };
      open.add(end);
      request.raw.on('close', close);
      out.on('error', close);
    },
  );
}
