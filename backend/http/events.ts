import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../services';
import { pokeFrame, type Frame } from '../sync/change-broadcast';
import { requireAgent } from './authenticate';

/**
 * Server-sent events: `event: changes` with the latest sequence on connect and whenever
 * it moves (carrying the new changes when they are few, see sync/change-broadcast.ts), and
 * a comment line as heartbeat so proxies and the client can tell a quiet stream from a
 * dead one. The client pulls; the stream is only ever a shortcut.
 *
 * A reader that stops reading (a stalled laptop, a stuck proxy) would make the server
 * buffer every message for it; once more than `eventBufferBytes` wait, its connection is
 * cut. It reconnects with backoff and catches up by pulling, which costs the server a
 * page instead of unbounded memory.
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
      const send = (frame: Frame | string) => {
        if (out.writableLength > services.config.eventBufferBytes) return cutOff();
        out.write(frame);
      };
      out.write(`retry: 3000\n\n`);
      send(pokeFrame(services.notifier.latest));
      const unsubscribe = services.broadcast.subscribe(send);
      const heartbeat = setInterval(() => send(`: heartbeat ${Date.now()}\n\n`), services.config.heartbeatMs);
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
      };
      const end = () => {
        close();
        out.end();
      };
      const cutOff = () => {
        close();
        request.log.info(
          { buffered: out.writableLength },
          'event stream cut off: the reader is not keeping up',
        );
        out.destroy();
      };
      open.add(end);
      request.raw.on('close', close);
      out.on('error', close);
    },
  );
}
