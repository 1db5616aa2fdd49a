// A refused change must not lose what the agent wrote or attached: the refusal keeps it in
// the cache (so it survives a reload) for the refused-changes panel to hand back.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachFiles } from '../attachments/attach-files';
import { performMutation } from '../sync/perform-mutation';
import { applyPulledPage } from './apply-pulled-page';
import { MesaDb } from './db';
import { copyableText, refusedWorkOf } from './refused-work';
import { settlePushResults } from './settle-push';
import { makeTicket, testUuid } from './testing/make-ticket';
import { seedSession } from './testing/seed-session';
import { freshDb } from './testing/test-db';

let db: MesaDb;
const ticket = makeTicket({ number: 'INC-31' });
const closed = 'ticket_closed';

beforeEach(async () => {
  vi.stubGlobal('Blob', NodeBlob);
  db = freshDb();
  await seedSession(db);
  await applyPulledPage([{ seq: 1, entity: 'ticket', id: ticket.id, op: 'upsert', data: ticket }], 1, db);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

async function refuseEverything(): Promise<void> {
  const batch = await db.outbox.toArray();
  await settlePushResults(
    batch,
    batch.map((entry) => ({
      id: entry.id,
      status: 'rejected' as const,
      code: closed,
      message: 'The ticket is cancelled.',
    })),
    db,
  );
}

/** The same cache opened again, as after a reload. */
async function reopened(): Promise<MesaDb> {
  db.close();
  const again = new MesaDb(db.name);
  await again.open();
  db = again;
  return again;
}

describe('refused work', () => {
  it('keeps a refused reply’s text after its comment is gone, across a reload', async () => {
    const body = 'Reinicié el router: ¿vuelve a funcionar la VPN?';
    await performMutation(
      'comment.add',
      { ticketId: ticket.id, commentId: testUuid(), body, visibility: 'public' },
      { db },
    );
    await refuseEverything();

    expect(await db.comments.where('ticketId').equals(ticket.id).count()).toBe(0);
    const [rejection] = await (await reopened()).rejections.toArray();
    expect(refusedWorkOf(rejection!)).toEqual({ kind: 'reply', visibility: 'public', text: body });
  });

  it('keeps a refused new ticket’s subject, description and requester', async () => {
    const ticketId = testUuid();
    const requester = { name: 'Eva', email: 'eva@example.com' };
    await performMutation(
      'ticket.create',
      {
        ticketId,
        title: 'Badge does not open',
        description: 'Main entrance, since Monday',
        category: 'access',
        impact: 2,
        urgency: 2,
        requester,
      },
      { db },
    );
    await refuseEverything();

    expect(await db.tickets.get(ticketId)).toBeUndefined();
    const work = refusedWorkOf((await db.rejections.toArray())[0]!);
    expect(work).toEqual({
      kind: 'ticket',
      title: 'Badge does not open',
      text: 'Main entrance, since Monday',
      requester,
    });
    expect(copyableText(work!)).toBe('Badge does not open\n\nMain entrance, since Monday');
  });

  it('keeps a refused attachment’s bytes after its attachment row is gone, across a reload', async () => {
    const file = Object.assign(new NodeBlob(['PNG bytes'], { type: 'image/png' }), {
      name: 'vpn-error.png',
    }) as unknown as File;
    const { attached } = await attachFiles(ticket.id, [file], { db });
    expect(attached).toHaveLength(1);
    await refuseEverything();

    expect(await db.attachments.get(attached[0]!.attachmentId)).toBeUndefined();
    const [rejection] = await (await reopened()).rejections.toArray();
    const work = refusedWorkOf(rejection!);
    expect(work).toMatchObject({
      kind: 'file',
      fileName: 'vpn-error.png',
      files: [{ fileName: 'vpn-error.png', contentType: 'image/png', size: 9 }],
    });
    expect(work?.kind === 'file' ? await work.files[0]!.blob.text() : null).toBe('PNG bytes');
  });

  it('keeps the bytes of a file attached offline to a ticket cancelled meanwhile, through the pull and the refusal', async () => {
    const file = Object.assign(new NodeBlob(['PNG bytes'], { type: 'image/png' }), {
      name: 'captura.png',
    }) as unknown as File;
    const { attached } = await attachFiles(ticket.id, [file], { db });
    // The pull brings the colleague's cancellation before the push: the rebase predicts the refusal.
    const cancelled = {
      ...ticket,
      status: 'cancelled' as const,
      cancelReason: 'Duplicado',
      updatedAt: '2025-03-04T09:00:00.000Z',
    };
    await applyPulledPage(
      [{ seq: 2, entity: 'ticket', id: ticket.id, op: 'upsert', data: cancelled }],
      2,
      db,
    );
    expect(await db.attachments.get(attached[0]!.attachmentId)).toMatchObject({ fileName: 'captura.png' });
    await refuseEverything();

    expect(await db.attachments.get(attached[0]!.attachmentId)).toBeUndefined();
    const work = refusedWorkOf((await db.rejections.toArray())[0]!);
    expect(work?.kind === 'file' ? await work.files[0]!.blob.text() : null).toBe('PNG bytes');
  });

  it('has nothing to hand back for a change that carried no text', async () => {
    await performMutation('ticket.assign', { ticketId: ticket.id, assigneeId: null }, { db });
    await refuseEverything();
    expect(refusedWorkOf((await db.rejections.toArray())[0]!)).toBeNull();
  });
});
