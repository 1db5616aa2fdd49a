import { TextDecoder } from 'node:util';

/**
 * The content type of uploaded bytes, read from the bytes. The client's Content-Type
 * header is never trusted: a file served back with a type it claimed could run as HTML
 * or script in someone's browser.
 */
export function sniffContentType(bytes: Uint8Array): string {
  const sniffer = new ContentSniffer();
  sniffer.update(bytes);
  return sniffer.result();
}

/** Bytes a signature needs: the longest one (WebP) ends at byte 12. */
const HEAD_BYTES = 16;

/**
 * The same judgement over a stream of chunks, so a large upload is never held whole:
 * signatures come from the first bytes, "is it text" from every byte (UTF-8 decoded as
 * it streams, a character split across chunks included).
 */
export class ContentSniffer {
  private head = new Uint8Array(0);
  private text = true;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  update(chunk: Uint8Array): void {
    if (this.head.length < HEAD_BYTES) {
      const room = HEAD_BYTES - this.head.length;
      const joined = new Uint8Array(this.head.length + Math.min(room, chunk.length));
      joined.set(this.head);
      joined.set(chunk.subarray(0, room), this.head.length);
      this.head = joined;
    }
    if (!this.text) return;
    if (chunk.includes(0)) this.text = false;
    else this.text = decodes(this.decoder, chunk, true);
  }

  result(): string {
    const signature = signatureType(this.head);
    if (signature) return signature;
    if (this.text && decodes(this.decoder, new Uint8Array(0), false)) return 'text/plain';
    return 'application/octet-stream';
  }
}

function decodes(decoder: TextDecoder, chunk: Uint8Array, stream: boolean): boolean {
  try {
    decoder.decode(chunk, { stream });
    return true;
  } catch {
    return false;
  }
}

function signatureType(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61)
    return 'image/gif';
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return 'image/webp';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'application/zip';
  return undefined;
}

export const isImage = (contentType: string): boolean => contentType.startsWith('image/');
