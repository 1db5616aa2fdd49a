import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from './seeded-random';

/**
 * A reverse proxy on loopback that misbehaves the way hotel Wi-Fi does: it drops
 * requests, delays them, sends them twice, cuts responses half-way and answers 502.
 * Every fault is counted so a run can say what it survived.
 */
export interface FaultRates {
  /** Close the client's connection without forwarding. */
  drop: number;
  /** Forward after a delay of up to `maxDelayMs`. */
  delay: number;
  /** Forward the request twice; answer with the second response. */
  duplicate: number;
  /** Forward, then cut the response after its headers and part of its body. */
  cutResponse: number;
  /** Answer 502 without forwarding. */
  badGateway: number;
}

export type FaultKind = keyof FaultRates | 'none';

export interface FaultProxy {
  url: string;
  counts: Record<FaultKind, number>;
  /** While offline, every request is refused at once (the laptop lost its network). */
  setOffline(offline: boolean): void;
  setRates(rates: Partial<FaultRates>): void;
  close(): Promise<void>;
}

const NO_FAULTS: FaultRates = { drop: 0, delay: 0, duplicate: 0, cutResponse: 0, badGateway: 0 };

export async function startFaultProxy(options: {
  target: string;
  seed: number;
  rates?: Partial<FaultRates>;
  maxDelayMs?: number;
  /** Paths that are streamed through untouched except for offline (the SSE stream). */
  streamPaths?: RegExp;
}): Promise<FaultProxy> {
  const target = new URL(options.target);
  const random = seededRandom(options.seed);
  let rates: FaultRates = { ...NO_FAULTS, ...options.rates };
  let offline = false;
  const counts: Record<FaultKind, number> = {
    none: 0,
    drop: 0,
    delay: 0,
    duplicate: 0,
    cutResponse: 0,
    badGateway: 0,
  };
  const maxDelayMs = options.maxDelayMs ?? 300;
  const streamPaths = options.streamPaths ?? /\/api\/v1\/events/;
  const openSockets = new Set<Socket>();

  const pickFault = (): FaultKind => {
    let roll = random();
    for (const kind of Object.keys(rates) as Array<keyof FaultRates>) {
      if (roll < rates[kind]) return kind;
      roll -= rates[kind];
    }
    return 'none';
  };

  const forward = (
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const stream = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (offline) {
      req.socket.destroy();
      return;
    }
    if (streamPaths.test(req.url ?? '')) {
      stream(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const fault = pickFault();
    counts[fault] += 1;
    try {
      switch (fault) {
        case 'drop':
          req.socket.destroy();
          return;
        case 'badGateway':
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'bad_gateway', message: 'Injected 502' } }));
          return;
        case 'delay':
          await new Promise((r) => setTimeout(r, random() * maxDelayMs));
          break;
        case 'duplicate':
          await forward(req, body);
          break;
      }
      const answer = await forward(req, body);
      const headers = { ...answer.headers };
      delete headers['transfer-encoding'];
      if (fault === 'cutResponse') {
        // The server did the work; the client never hears the whole answer.
        res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
        res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
        setImmediate(() => res.destroy());
        return;
      }
      res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
      res.end(answer.body);
    } catch {
      res.destroy();
    }
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => {
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setOffline(value) {
      offline = value;
      // Going offline also cuts what is in flight, event streams included.
      if (value) for (const socket of openSockets) socket.destroy();
    },
    setRates(next) {
      rates = { ...rates, ...next };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of openSockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
