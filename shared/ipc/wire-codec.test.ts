import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  decodeWireMessage,
  encodeWireMessage,
  encodeWireValue,
} from './wire-codec';

describe('the browser host wire codec', () => {
  it('writes the same base64 as Node, for every length and byte', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 97 + n) & 255);
      const expected = Buffer.from(bytes).toString('base64');
      expect(bytesToBase64(bytes)).toBe(expected);
      expect(base64ToBytes(expected)).toEqual(bytes);
    }
    const big = new Uint8Array(100_003).map((_, i) => (i * 31) & 255);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('carries bytes nested in a message and restores them as Uint8Array', () => {
    const bytes = new Uint8Array([0, 255, 1, 128, 10, 13]);
    const decoded = decodeWireMessage(
      encodeWireMessage({
        id: 1,
        result: { ok: true, value: { bytes, contentType: 'image/png', list: [bytes] } },
      }),
    ) as {
      result: { value: { bytes: Uint8Array; list: Uint8Array[] } };
    };
    expect(decoded.result.value.bytes).toBeInstanceOf(Uint8Array);
    expect(decoded.result.value.bytes).toEqual(bytes);
    expect(decoded.result.value.list[0]).toEqual(bytes);
  });

  it('leaves look-alike wrappers and prototype keys as harmless data', () => {
    expect(decodeWireMessage('{"$bytes":"not base64!"}')).toEqual({ $bytes: 'not base64!' });
    expect(decodeWireMessage('{"$bytes":"AA==","x":1}')).toEqual({ $bytes: 'AA==', x: 1 });
    const polluted = decodeWireMessage('{"__proto__":{"admin":true},"a":1}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(polluted)).toBe(Object.prototype);
    expect(polluted.admin).toBeUndefined();
  });

  it('sends a value without bytes as it is, and replaces deep bytes without touching the caller’s value', () => {
    const page = { changes: [{ seq: 1, data: { title: 'Impresora', tags: ['a'] } }], hasMore: true };
    expect(encodeWireValue(page)).toBe(page);
    const bytes = new Uint8Array([1, 2, 3]);
    const upload = { list: [{ name: 'a.png', bytes }], other: { x: 1 } };
    const encoded = encodeWireValue(upload) as { list: Array<{ bytes: unknown }>; other: unknown };
    expect(encoded.list[0]!.bytes).toEqual({ $bytes: 'AQID' });
    expect(encoded.other).toBe(upload.other);
    expect(upload.list[0]!.bytes).toBe(bytes);
  });

  it('still strips a prototype key or restores bytes spelled with escapes', () => {
    const escaped = decodeWireMessage('{"\\u005f_proto__":{"admin":true},"a":1}') as Record<string, unknown>;
    expect(Object.keys(escaped)).toEqual(['a']);
    expect(decodeWireMessage('{"x":[{"\\u0024bytes":"AQID"}]}')).toEqual({ x: [new Uint8Array([1, 2, 3])] });
  });
});
