import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  ipcEventChannels,
  type EventChannel,
  type MesaBridge,
} from '../../shared/ipc/contract';
import type { IpcErrorCode, IpcResult } from '../../shared/ipc/result';
import {
  WIRE_PROTOCOL,
  decodeWireMessage,
  encodeWireMessage,
  secretProtocol,
} from '../../shared/ipc/wire-codec';

/**
 * The browser host's side of window.mesa: the IPC contract over a WebSocket to the Node host
 * that served this page. Calls made while the socket is down wait for it (up to
 * connectWaitMs); calls in flight when it drops fail as "offline", like any request that got
 * no answer, and the page's sync retries them. The socket comes back by itself, with
 * exponential backoff and full jitter so a restarting host is not hammered.
 */
interface MessageLike {
  data: unknown;
}
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: MessageLike) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type WebSocketConstructor = new (url: string, protocols: string[]) => WebSocketLike;

export interface WsBridgeOptions {
  /** ws://127.0.0.1:P/ipc */
  url: string;
  /** null when the page was opened without the launch URL: every call then says so. */
  secret: string | null;
  WebSocketImpl?: WebSocketConstructor;
  connectWaitMs?: number;
  reconnect?: { baseMs: number; maxMs: number };
}

export interface WsBridge extends MesaBridge {
  close(): void;
}

const OPEN = 1;
const failed = (code: IpcErrorCode, message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});

function isIpcResult(value: unknown): value is IpcResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

export function createWsBridge({
  url,
  secret,
  WebSocketImpl,
  connectWaitMs = 15_000,
  reconnect = { baseMs: 250, maxMs: 5_000 },
}: WsBridgeOptions): WsBridge {
  let socket: WebSocketLike | null = null;
  let closed = false;
  let attempts = 0;
  let nextId = 1;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  const inFlight = new Map<number, (result: IpcResult<unknown>) => void>();
  const waiting: Array<{
    id: number;
    text: string;
    resolve: (result: IpcResult<unknown>) => void;
    timer: ReturnType<typeof setTimeout>;
  }> = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();

  function connect(): void {
    if (closed || !secret) return;
    const Impl = WebSocketImpl ?? (WebSocket as unknown as WebSocketConstructor);
    const ws = new Impl(url, [WIRE_PROTOCOL, secretProtocol(secret)]);
    socket = ws;
    ws.onopen = () => {
      attempts = 0;
      for (const item of waiting.splice(0)) {
        clearTimeout(item.timer);
        inFlight.set(item.id, item.resolve);
        ws.send(item.text);
      }
    };
    ws.onmessage = (event) => receive(typeof event.data === 'string' ? event.data : String(event.data));
    ws.onerror = () => {};
    ws.onclose = () => {
      if (socket === ws) socket = null;
      for (const resolve of inFlight.values())
        resolve(failed('offline', 'Lost the connection to the console host.'));
      inFlight.clear();
      if (closed) return;
      // Full jitter: a random wait below an exponentially growing, capped ceiling.
      const delay = Math.random() * Math.min(reconnect.maxMs, reconnect.baseMs * 2 ** Math.min(attempts, 20));
      attempts += 1;
      reconnectTimer = setTimeout(connect, delay);
    };
  }

  function receive(text: string): void {
    let message: unknown;
    try {
      message = decodeWireMessage(text);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const m = message as { id?: unknown; result?: unknown; event?: unknown; payload?: unknown };
    if (typeof m.id === 'number') {
      const resolve = inFlight.get(m.id);
      inFlight.delete(m.id);
      resolve?.(
        isIpcResult(m.result) ? m.result : failed('internal', 'The console host sent a malformed answer.'),
      );
      return;
    }
    if (typeof m.event === 'string' && Object.hasOwn(ipcEventChannels, m.event)) {
      const event = m.event as EventChannel;
      const parsed = ipcEventChannels[event].safeParse(m.payload);
      if (!parsed.success) return;
      for (const listener of [...(listeners.get(event) ?? [])]) listener(parsed.data);
    }
  }

  function call(channel: string, request: unknown): Promise<IpcResult<unknown>> {
    if (!secret) {
      return Promise.resolve(
        failed(
          'forbidden_sender',
          'This page was opened without its launch link: open the URL the console host printed.',
        ),
      );
    }
    if (closed) return Promise.resolve(failed('internal', 'The bridge is closed.'));
    return new Promise((resolve) => {
      const id = nextId++;
      const text = encodeWireMessage({ id, channel, payload: request });
      if (socket && socket.readyState === OPEN) {
        inFlight.set(id, resolve);
        socket.send(text);
        return;
      }
      const timer = setTimeout(() => {
        const index = waiting.findIndex((item) => item.id === id);
        if (index >= 0) waiting.splice(index, 1);
        resolve(failed('offline', 'The console host is not reachable; is it still running?'));
      }, connectWaitMs);
      waiting.push({ id, text, resolve, timer });
    });
  }

  const bridge: Record<string, unknown> = {};
  for (const channel of INVOKE_CHANNELS) bridge[channel] = (request: unknown) => call(channel, request);
  bridge.on = (event: EventChannel, listener: (payload: unknown) => void) => {
    if (!(EVENT_CHANNELS as readonly string[]).includes(event))
      throw new TypeError(`Unknown event "${String(event)}".`);
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => void set.delete(listener);
  };
  bridge.close = () => {
    closed = true;
    if (reconnectTimer) clearTimeout(reconnectTimer);
    for (const item of waiting.splice(0)) {
      clearTimeout(item.timer);
      item.resolve(failed('internal', 'The bridge is closed.'));
    }
    socket?.close(1000, 'closed');
  };

  connect();
  return bridge as unknown as WsBridge;
}
