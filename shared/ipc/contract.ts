import { z } from 'zod';
import { LIMITS, sha256Schema } from '../entities/primitives';
import { mutationEnvelopeSchema } from '../sync/mutations';
import { snapshotQuerySchema, snapshotResponseSchema } from '../sync/snapshot-wire';
import { pullResponseSchema, pushResponseSchema, sessionAgentSchema } from '../sync/wire';
import type { IpcResult } from './result';

/**
 * Every channel between the renderer and the main process, with its request and
 * response schema. Main registers exactly these, the preload exposes exactly these as
 * named functions on `window.mesa`, and the browser host serves exactly these over its
 * WebSocket. Adding a channel = one row here + one handler.
 */

export const connectivitySchema = z.object({
  state: z.enum(['online', 'offline', 'reconnecting', 'signed_out']),
  serverUrl: z.string().nullable(),
  lastError: z.string().nullable(),
  /** When the next reconnection attempt is due (ISO), while reconnecting. */
  retryAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
});
export type Connectivity = z.infer<typeof connectivitySchema>;

export const sessionSchema = z.object({
  agent: sessionAgentSchema.nullable(),
  serverUrl: z.string().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

// Node and browsers both have URL, but shared/'s lib (ES2023, no DOM, no Node types) does not
// declare it; this names the part used here, for this module only.
declare const URL: new (input: string) => { protocol: string; username: string; password: string };

const serverUrlSchema = z
  .string()
  .trim()
  .max(2_000)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { message: 'must be an http(s) URL such as http://127.0.0.1:4000' },
  );

export const appInfoSchema = z.object({
  host: z.enum(['electron', 'browser']),
  version: z.string(),
  locale: z.string(),
  platform: z.string(),
  /** Set when the host signs in as the demo agent (npm start): the sign-in screen names it. */
  demoAccount: z.object({ email: z.string(), password: z.string() }).optional(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const nothing = z.undefined();

export const ipcInvokeChannels = {
  getAppInfo: { request: nothing, response: appInfoSchema },
  getSession: { request: nothing, response: sessionSchema },
  login: {
    request: z.object({
      serverUrl: serverUrlSchema,
      email: z.string().trim().min(1).max(254),
      password: z.string().min(1).max(200),
    }),
    response: sessionSchema,
  },
  logout: { request: nothing, response: sessionSchema },
  getConnectivity: { request: nothing, response: connectivitySchema },
  /** One page of changes after `cursor`; pages never exceed 1,000 rows so no message is huge. */
  pull: {
    request: z.object({
      cursor: z.number().int().min(0),
      limit: z.number().int().min(1).max(LIMITS.pullPageMax),
    }),
    response: pullResponseSchema,
  },
  /** One page of the first sign-in's snapshot (docs/sync-protocol.md); no cursor starts one. */
  snapshot: {
    request: z.object({
      cursor: snapshotQuerySchema.shape.cursor,
      limit: z.number().int().min(1).max(LIMITS.pullPageMax),
    }),
    response: snapshotResponseSchema,
  },
  push: {
    request: z.object({
      clientId: z.string().min(1).max(100),
      mutations: z.array(mutationEnvelopeSchema).min(1).max(LIMITS.mutationsPerPush),
    }),
    response: pushResponseSchema,
  },
  uploadAttachment: {
    request: z.object({
      sha256: sha256Schema,
      contentType: z.string().min(1).max(100),
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= LIMITS.attachmentMaxBytes, {
        message: `must be at most ${LIMITS.attachmentMaxBytes} bytes`,
      }),
    }),
    response: z.object({ sha256: sha256Schema, size: z.number().int(), contentType: z.string() }),
  },
  downloadAttachment: {
    request: z.object({ sha256: sha256Schema }),
    response: z.object({ bytes: z.instanceof(Uint8Array), contentType: z.string() }),
  },
  showNotification: {
    request: z.object({
      tag: z.string().min(1).max(200),
      title: z.string().min(1).max(200),
      body: z.string().max(1_000),
      ticketId: z.string().uuid(),
    }),
    response: z.object({ shown: z.boolean() }),
  },
  /** The tray's count of tickets in warning or breach (Electron); ignored by the browser host. */
  setAttentionCount: {
    request: z.object({ count: z.number().int().min(0).max(1_000_000) }),
    response: z.object({ ok: z.literal(true) }),
  },
} as const;

/** Events the main process sends to the renderer. */
export const ipcEventChannels = {
  connectivityChanged: connectivitySchema,
  /** The server's sequence moved past what we have: pull. */
  syncPoke: z.object({ cursor: z.number().int().min(0) }),
  sessionChanged: sessionSchema,
  /** A notification or a mesa:// deep link asks to open a ticket. */
  openTicket: z.object({ ticketId: z.string().uuid().optional(), number: z.string().max(40).optional() }),
} as const;

export type InvokeChannel = keyof typeof ipcInvokeChannels;
export type EventChannel = keyof typeof ipcEventChannels;
export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof ipcInvokeChannels)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.output<(typeof ipcInvokeChannels)[C]['response']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof ipcEventChannels)[E]>;

export const INVOKE_CHANNELS = Object.keys(ipcInvokeChannels) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(ipcEventChannels) as EventChannel[];

/** The wire name of a channel, so Electron's channel namespace holds only ours. */
export const wireChannel = (name: InvokeChannel | EventChannel): string => `mesa:${name}`;

/**
 * What the renderer works with in both hosts (`getMesa()` in renderer/bridge). Each invoke
 * channel is a named function; `on` subscribes to an event and returns the unsubscribe function.
 */
export type MesaApi = { [C in InvokeChannel]: (request: InvokeRequest<C>) => Promise<InvokeResponse<C>> } & {
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** What the page knows of a dropped file, to ask for its path: a File itself does not cross contextBridge intact. */
export interface DroppedFileKey {
  name: string;
  size: number;
  lastModified: number;
}

/**
 * Members of `window.mesa` the Electron preload answers itself, in the page's own process:
 * they are not channels, so neither main nor the browser host serves them, and a host without
 * them (the browser host) leaves them out. `droppedFilePath`: the disk path of a file in the
 * last drop, read with webUtils.getPathForFile (File.path is gone since Electron 32); null when
 * unknown (pasted or picked files, files built in JS, or two alike files in one drop).
 */
export const PRELOAD_LOCAL_MEMBERS = ['droppedFilePath'] as const;
export interface PreloadLocalMembers {
  droppedFilePath?(file: DroppedFileKey): string | null;
}

/**
 * What a host hands the page (`window.mesa` from the Electron preload; the WebSocket client in
 * the browser host): the same named functions, but answering with the IpcResult envelope.
 * Electron's contextBridge copies a rejected Error with its message only (electron/electron#25596),
 * so a MesaError's code would be lost on the way; an envelope is a plain object and survives.
 * The page unwraps it into MesaApi on its own side.
 */
export type MesaBridge = {
  [C in InvokeChannel]: (request: InvokeRequest<C>) => Promise<IpcResult<InvokeResponse<C>>>;
} & {
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
} & PreloadLocalMembers;
