import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/index';
import { pageBodyOf } from './page-body';
import { groupPageChanges } from './page-changes';
import { headsOf, headsRowOf, readHeads } from './page-heads';
import { makeComment, makeTicket, runningSla } from './testing/make-ticket';

const upsert = <T extends { id: string }>(entity: Change['entity'], data: T, seq: number): Change => ({
  seq,
  entity,
  id: data.id,
  op: 'upsert',
  data,
});

describe('page heads', () => {
  it('read back as written, and hold no description, audit, reason texts or comments', () => {
    const withPolicy = makeTicket({
      title: 'Impresora de Recepción',
      description: 'Atasca el papel',
      tags: ['Hardware', 'planta-2'],
      requester: { name: 'Eva', email: 'eva@example.com', phone: '+34 600 000 000' },
      slaPolicyId: 'default',
      sla: runningSla('2025-03-04T10:00:00.000Z'),
      pendingReason: 'Esperando al proveedor',
      statusHistory: [
        { at: '2025-03-03T09:00:00.000Z', status: 'new' },
        { at: '2025-03-03T09:10:00.000Z', status: 'pending' },
      ],
    });
    const noPolicy = makeTicket({ slaPolicyId: null, sla: runningSla('2025-03-05T10:00:00.000Z') });
    const comment = makeComment(noPolicy.id, 'Reiniciado');
    const body = pageBodyOf(
      groupPageChanges([
        upsert('ticket', withPolicy, 1),
        upsert('ticket', noPolicy, 2),
        upsert('comment', comment, 3),
      ]),
      new Map(),
    );
    const heads = headsOf(body);

    const row = headsRowOf(7, heads);
    expect(row.seq).toBe(7);
    expect(row.text).not.toMatch(/Atasca|Esperando|Reiniciado/);
    const read = readHeads(row);
    expect(read).toEqual(heads);
    expect(read.commentTickets).toEqual([noPolicy.id]);
    const [first, second] = read.tickets;
    expect(first).not.toHaveProperty('description');
    expect(first).not.toHaveProperty('audit');
    expect(first).toMatchObject({
      tags: ['Hardware', 'planta-2'],
      requester: withPolicy.requester,
      sla: null,
    });
    // Without a policy the server's evaluation is all the console has to show.
    expect(second!.sla).toEqual(noPolicy.sla);
  });
});
