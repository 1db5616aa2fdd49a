import { describe, expect, it } from 'vitest';
import { ContentSniffer, sniffContentType } from './sniff-content-type';

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

describe('ContentSniffer', () => {
  it('judges a file fed in pieces as it judges the whole file', () => {
    const whole = text('Año ✓ '.repeat(50));
    const split = (at: number[]) => {
      const sniffer = new ContentSniffer();
      let from = 0;
      for (const to of [...at, whole.length]) {
        sniffer.update(whole.subarray(from, to));
        from = to;
      }
      return sniffer.result();
    };
    // 1 and 2 cut inside "ñ" (two bytes) and "✓" (three bytes).
    expect(split([1, 2, 7, 8, 100])).toBe('text/plain');
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0);
    const sniffer = new ContentSniffer();
    png.forEach((b) => sniffer.update(bytes(b)));
    expect(sniffer.result()).toBe('image/png');
  });

  it('a stream that ends inside a character, or has a zero byte late, is not text', () => {
    const cut = new ContentSniffer();
    cut.update(text('hola '));
    cut.update(bytes(0xe2, 0x9c));
    expect(cut.result()).toBe('application/octet-stream');
    const late = new ContentSniffer();
    late.update(text('hola '.repeat(1000)));
    late.update(bytes(0x68, 0x00));
    expect(late.result()).toBe('application/octet-stream');
  });
});
