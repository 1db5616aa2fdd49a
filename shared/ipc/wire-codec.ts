/**
 * How IPC messages travel as JSON text over the browser host's WebSocket. JSON has no bytes,
 * so every Uint8Array (attachment uploads and downloads) is replaced by a tagged wrapper
 * `{ "$bytes": "<base64>" }` and restored on the other side. Both ends (the Node host and the
 * page) use this one codec, so what one writes the other reads. Base64 is written here by
 * hand because shared/ may use neither Node's Buffer nor the DOM's btoa.
 */

const BYTES_TAG = '$bytes';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

const ENCODE = Uint8Array.from(ALPHABET, (ch) => ch.charCodeAt(0));

export function bytesToBase64(bytes: Uint8Array): string {
  // Characters go into a byte array first and become a string in chunks: pushing millions of
  // small strings is several times slower for a 25 MB attachment.
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  const whole = bytes.length - (bytes.length % 3);
  for (let i = 0; i < whole; i += 3) {
    const triple = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[triple >> 18]!;
    out[o++] = ENCODE[(triple >> 12) & 63]!;
    out[o++] = ENCODE[(triple >> 6) & 63]!;
    out[o++] = ENCODE[triple & 63]!;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const a = bytes[whole]!;
    const b = rest === 2 ? bytes[whole + 1]! : 0;
    out[o++] = ENCODE[a >> 2]!;
    out[o++] = ENCODE[((a & 3) << 4) | (b >> 4)]!;
    out[o++] = rest === 2 ? ENCODE[(b & 15) << 2]! : 61;
    out[o] = 61;
  }
  const parts: string[] = [];
  // Below engines' argument-count limits for fromCharCode.apply.
  const CHUNK = 8_192;
  for (let i = 0; i < out.length; i += CHUNK)
    parts.push(String.fromCharCode.apply(null, out.subarray(i, i + CHUNK) as unknown as number[]));
  return parts.join('');
}

export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new RangeError('base64 length must be a multiple of 4');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  const sextet = (i: number): number => {
    const ch = text.charCodeAt(i);
    if (ch === 61 && i >= text.length - padding) return 0;
    const v = ch < 128 ? DECODE[ch]! : -1;
    if (v < 0) throw new RangeError('invalid base64 character');
    return v;
  };
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const triple = (sextet(i) << 18) | (sextet(i + 1) << 12) | (sextet(i + 2) << 6) | sextet(i + 3);
    if (o < out.length) out[o++] = (triple >> 16) & 255;
    if (o < out.length) out[o++] = (triple >> 8) & 255;
    if (o < out.length) out[o++] = triple & 255;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Replaces Uint8Arrays with tagged base64 wrappers; leaves everything else as it is. An array
 * or object with no bytes inside is returned itself, not copied: a snapshot page holds
 * hundreds of thousands of values, and copying them all only to stringify them cost more
 * than the stringify.
 */
export function encodeWireValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES_TAG]: bytesToBase64(value) };
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const encoded = encodeWireValue(value[i]);
      if (encoded !== value[i]) (out ??= value.slice())[i] = encoded;
    }
    return out ?? value;
  }
  if (isPlainObject(value)) {
    let out: Record<string, unknown> | null = null;
    for (const key of Object.keys(value)) {
      const encoded = encodeWireValue(value[key]);
      if (encoded !== value[key]) (out ??= { ...value })[key] = encoded;
    }
    return out ?? value;
  }
  return value;
}

/**
 * Restores the wrappers written by encodeWireValue. An object is a wrapper only if its one key
 * is the tag and its value a string; anything malformed stays as data and fails schema checks.
 */
export function decodeWireValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeWireValue);
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === BYTES_TAG && typeof value[BYTES_TAG] === 'string') {
      try {
        return base64ToBytes(value[BYTES_TAG]);
      } catch {
        return value;
      }
    }
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      // JSON.parse makes "__proto__" an own key; assigning it would swap out's prototype.
      if (key === '__proto__') continue;
      out[key] = decodeWireValue(v);
    }
    return out;
  }
  return value;
}

/** One message on the browser host's socket, as text. */
export const encodeWireMessage = (message: unknown): string => JSON.stringify(encodeWireValue(message));
export const decodeWireMessage = (text: string): unknown => {
  const value = JSON.parse(text) as unknown;
  return mayNeedDecoding(text) ? decodeWireValue(value) : value;
};

/**
 * Whether a message may hold a bytes wrapper or a `__proto__` key, the only things the walk
 * changes. JSON spells a key either literally or with \u escapes, so a text with neither
 * spelling nor any escape has none: its parsed value is used as it is, without walking it.
 */
function mayNeedDecoding(text: string): boolean {
  return text.includes(BYTES_TAG) || text.includes('__proto__') || text.includes('\\u');
}

/** Page → host: call a channel. `id` pairs the reply with its call. */
export type WireCall = { id: number; channel: string; payload?: unknown };
/** Host → page: the answer to call `id`, always an IpcResult. */
export type WireReply = { id: number; result: unknown };
/** Host → page: an event channel's payload. */
export type WireEvent = { event: string; payload: unknown };

/** The WebSocket subprotocols: the version, and the per-launch secret carried as a second token. */
export const WIRE_PROTOCOL = 'mesa.v1';
export const secretProtocol = (secret: string): string => `mesa.secret.${secret}`;
