import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Connectivity, Session } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import {
  decodeWireMessage,
  encodeWireMessage,
  type WireEvent,
  type WireReply,
} from '../../shared/ipc/wire-codec';
import type { EventBus } from '../core/event-bus';
import type { IpcRouter } from '../core/ipc-router';

/**
 * One page's socket: calls in, replies and events out, in the codec of shared/ipc/wire-codec.
 * The connection was authenticated at the upgrade, so the router's sender check has nothing
 * left to refuse. A malformed frame is answered (when it has an id) or dropped, never thrown.
 */
const callSchema = z.object({
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  channel: z.string().max(100),
  payload: z.unknown().optional(),
});

export interface SocketServices {
  router: IpcRouter<WebSocket>;
  events: EventBus;
  /** What the page must know at once, since it may have missed events while disconnected. */
  snapshot: () => { session: Session; connectivity: Connectivity };
  log: (message: string) => void;
}

export function serveIpcSocket(socket: WebSocket, { router, events, snapshot, log }: SocketServices): void {
  const send = (message: WireReply | WireEvent) => {
    if (socket.readyState === socket.OPEN) socket.send(encodeWireMessage(message));
  };
  const unsubscribe = events.onAny((event, payload) => send({ event, payload }));
  const { session, connectivity } = snapshot();
  send({ event: 'sessionChanged', payload: session });
  send({ event: 'connectivityChanged', payload: connectivity });

  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      socket.close(1003, 'text frames only');
      return;
    }
    let call: z.infer<typeof callSchema>;
    try {
      const parsed = callSchema.safeParse(decodeWireMessage(data.toString()));
      if (!parsed.success) throw new Error('not a call');
      call = parsed.data;
    } catch {
      log('dropped a malformed frame');
      return;
    }
    void router
      .dispatch(call.channel, call.payload, socket)
      .then((result: IpcResult<unknown>) => send({ id: call.id, result }));
  });
  socket.on('close', unsubscribe);
  socket.on('error', (error) => log(`socket error: ${error.message}`));
}
