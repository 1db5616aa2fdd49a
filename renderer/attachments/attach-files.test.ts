// Attaching is local-first: the bytes and the attachment.add mutation land in the cache in
// one transaction, whatever the network does; the outbox then waits for the upload.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../shared/index';
import { applyPulledPage } from '../data/apply-pulled-page';
import type { MesaDb } from '../data/db';
import { nextOutboxBatch } from '../data/outbox';
import { makeTicket } from '../data/testing/make-ticket';
import { seedSession } from '../data/testing/seed-session';
import { freshDb } from '../data/testing/test-db';
import { attachFiles } from './attach-files';
import { dexieUploadStore } from './dexie-upload-store';
import { holdBackUnuploaded } from './outbox-gate';
import { drainUploads } from './upload-queue';
import { performMutation } from '../sync/perform-mutation';

let db: MesaDb;
const ticket = makeTicket({ number: 'INC-7' });
const NOW = new Date('2025-03-10T08:00:00Z');

/** A dropped file: fake-indexeddb keeps Node's Blob (jsdom's loses its bytes), so files are Node Blobs here. */
const file = (name: string, bytes: string | Uint8Array, type: string) =>
  Object.assign(new NodeBlob([bytes], { type }), { name }) as unknown as File;

beforeEach(async () => {
  vi.stubGlobal('Blob', NodeBlob);
  db = freshDb();
  await applyPulledPage([{ seq: 1, entity: 'ticket', id: ticket.id, op: 'upsert', data: ticket }], 1, db);
  await seedSession(db);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

describe('attachFiles', () => {
  it('stores the bytes and queues attachment.add together, with no network', async () => {
    const result = await attachFiles(ticket.id, [file('error.png', 'PNG bytes', 'image/png')], {
      db,
      now: NOW,
    });
    expect(result.problems).toEqual([]);
    expect(result.refused).toBeNull();
    const [attached] = result.attached;
    const row = await db.attachments.get(attached!.attachmentId);
    expect(row).toMatchObject({
      ticketId: ticket.id,
      fileName: 'error.png',
      contentType: 'image/png',
      size: 9,
      uploaded: 0,
      confirmed: 0,
    });
    expect(await row!.blob!.text()).toBe('PNG bytes');
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      type: 'attachment.add',
      ticketId: ticket.id,
      args: { attachmentId: attached!.attachmentId, sha256: attached!.sha256 },
    });
  });

  it('records where a dropped file came from (Electron), past the mutation’s rebuild of the ticket', async () => {
    const dropped = file('error.png', 'PNG bytes', 'image/png');
    const pasted = file('image.png', 'other bytes', 'image/png');
    const result = await attachFiles(ticket.id, [dropped, pasted], {
      db,
      now: NOW,
      sourcePaths: new Map([[dropped, '/home/ana/error.png']]),
    });
    const [first, second] = result.attached;
    expect(await db.attachments.get(first!.attachmentId)).toMatchObject({
      fileName: 'error.png',
      sourcePath: '/home/ana/error.png',
    });
    expect(await db.attachments.get(second!.attachmentId)).not.toHaveProperty('sourcePath');
  });

  it('keeps a failed upload’s reason and the dropped file’s path when a later change rebuilds the ticket', async () => {
    const dropped = file('error.png', 'PNG bytes', 'image/png');
    const result = await attachFiles(ticket.id, [dropped], {
      db,
      now: NOW,
      sourcePaths: new Map([[dropped, '/home/ana/error.png']]),
    });
    const [attached] = result.attached;
    const failure = { code: 'too_large' as const, message: 'over the limit' };
    await dexieUploadStore(db).markFailed(attached!.sha256, failure);

    const reply = await performMutation(
      'comment.add',
      {
        ticketId: ticket.id,
        commentId: '01939a2c-0000-7000-8000-000000000abc',
        body: 'Mirando la captura',
        visibility: 'internal',
      },
      { db, now: NOW },
    );
    expect(reply.ok).toBe(true);
    expect(await db.comments.where('ticketId').equals(ticket.id).count()).toBe(1);
    expect(await db.attachments.get(attached!.attachmentId)).toMatchObject({
      sourcePath: '/home/ana/error.png',
      uploadError: failure,
    });
  });

  it('stores nothing for a file over the limit, and says why', async () => {
    // 25 MiB + 1 byte, really: the check must not trust anything but the size.
    const huge = file('dump.zip', new Uint8Array(LIMITS.attachmentMaxBytes + 1), 'application/zip');
    const result = await attachFiles(ticket.id, [huge], { db, now: NOW });
    expect(result.problems).toEqual([
      { code: 'too_large', fileName: 'dump.zip', limit: LIMITS.attachmentMaxBytes },
    ]);
    expect(await db.attachments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('rolls the bytes back when the shared rules refuse (a closed ticket)', async () => {
    const closed = makeTicket({ number: 'INC-8', status: 'closed' });
    await applyPulledPage([{ seq: 2, entity: 'ticket', id: closed.id, op: 'upsert', data: closed }], 2, db);
    const result = await attachFiles(closed.id, [file('late.png', 'late', 'image/png')], { db, now: NOW });
    expect(result.refused?.code).toBe('ticket_closed');
    expect(await db.attachments.where('ticketId').equals(closed.id).count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('holds the outbox at the attachment until its bytes are uploaded', async () => {
    await attachFiles(ticket.id, [file('a.png', 'aaa', 'image/png')], { db, now: NOW });
    expect(await holdBackUnuploaded(db, await nextOutboxBatch(db, 10))).toEqual([]);

    expect(await drainUploads(dexieUploadStore(db), async () => undefined)).toMatchObject({
      state: 'done',
      uploaded: 1,
    });
    expect((await holdBackUnuploaded(db, await nextOutboxBatch(db, 10))).map((e) => e.type)).toEqual([
      'attachment.add',
    ]);
  });
});
