import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpError } from '../http/errors';
import { ContentSniffer } from './sniff-content-type';

/** An upload written whole to a temporary file, its hash checked; the caller moves or removes the file. */
export interface ReceivedUpload {
  file: string;
  size: number;
  contentType: string;
}

const tooLarge = (maxBytes: number) =>
  new HttpError(413, 'payload_too_large', `Files may be at most ${maxBytes} bytes.`);

/**
 * Streams a request body to a temporary file in `tempDir`, counting, hashing and sniffing
 * as it goes, so memory holds a few chunks whatever the size. The limit is enforced while
 * reading: the stream is cut at the first byte over it, not after the whole body arrived.
 * Flushed to disk before it is returned; removed on any failure.
 */
export async function receiveUpload(
  body: Readable,
  expectedSha256: string,
  maxBytes: number,
  tempDir: string,
): Promise<ReceivedUpload> {
  await mkdir(tempDir, { recursive: true });
  const file = join(tempDir, `${randomBytes(8).toString('hex')}.upload`);
  const hash = createHash('sha256');
  const sniffer = new ContentSniffer();
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes));
      hash.update(chunk);
      sniffer.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, measure, createWriteStream(file, { flags: 'wx' }));
    const actual = hash.digest('hex');
    if (actual !== expectedSha256)
      throw new HttpError(400, 'hash_mismatch', `The bytes hash to ${actual}, not to ${expectedSha256}.`);
    const handle = await open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { file, size, contentType: sniffer.result() };
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}

/** A declared Content-Length over the limit is refused before a byte is read. */
export function checkDeclaredLength(contentLength: string | undefined, maxBytes: number): void {
  if (contentLength !== undefined && Number(contentLength) > maxBytes) throw tooLarge(maxBytes);
}
