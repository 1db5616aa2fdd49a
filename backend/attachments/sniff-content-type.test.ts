import { describe, expect, it } from 'vitest';
import { sniffContentType } from './sniff-content-type';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffContentType', () => {
  it.each([
    ['image/png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1)],
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0)],
    ['image/gif', text('GIF89a...')],
    ['image/gif', text('GIF87a...')],
    ['image/webp', text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ')],
    ['application/pdf', text('%PDF-1.4')],
    ['application/zip', bytes(0x50, 0x4b, 0x03, 0x04, 0)],
    ['text/plain', text('Hola, ¿qué tal? ✓')],
    ['text/plain', text('<html><script>alert(1)</script></html>')],
    ['text/plain', new Uint8Array()],
    ['application/octet-stream', bytes(0x68, 0x00, 0x69)],
    ['application/octet-stream', bytes(0xc3, 0x28)],
    [
      'application/octet-stream',
      text('RIFF\u0000\u0000\u0000\u0000WAVEfmt ').map((b, i) => (i === 4 ? 0 : b)),
    ],
  ])('%s', (expected, input) => {
    expect(sniffContentType(input)).toBe(expected);
  });
});
