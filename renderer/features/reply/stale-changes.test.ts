import { describe, expect, it } from 'vitest';
import type { AuditEntry, Ticket } from '../../../shared/index';
import type { CachedComment } from '../../data/db';
import { staleReport } from './stale-changes';

const ME = 'me';
const OTHER = 'other';
const entry = (at: string, actorId: string | null, changes: AuditEntry['changes']): AuditEntry => ({
  at,
  actorId,
  action: 'ticket.update',
  changes,
});
const server = (audit: AuditEntry[], updatedAt: string) => ({ updatedAt, audit }) as unknown as Ticket;

describe('staleReport', () => {
  const seen = '2025-03-12T10:00:00.000Z';

  it('is null when the server copy did not move', () => {
    expect(staleReport(server([], seen), seen, [], ME)).toBeNull();
  });

  it("lists other people's changes, first before to last after, and skips my own", () => {
    const report = staleReport(
      server(
        [
          entry('2025-03-12T09:00:00.000Z', OTHER, { priority: [4, 3] }),
          entry('2025-03-12T10:05:00.000Z', OTHER, { status: ['assigned', 'in_progress'] }),
          entry('2025-03-12T10:06:00.000Z', ME, { category: ['red', 'hardware'] }),
          entry('2025-03-12T10:07:00.000Z', OTHER, { status: ['in_progress', 'pending'], priority: [3, 2] }),
        ],
        '2025-03-12T10:07:00.000Z',
      ),
      seen,
      [],
      ME,
    );
    expect(report?.changes).toEqual([
      { field: 'status', before: 'assigned', after: 'pending' },
      { field: 'priority', before: 3, after: 2 },
    ]);
  });

  it('counts new comments by others', () => {
    const comment = {
      authorId: null,
      createdAt: '2025-03-12T10:03:00.000Z',
      server: {},
    } as unknown as CachedComment;
    expect(staleReport(server([], '2025-03-12T10:03:00.000Z'), seen, [comment], ME)).toEqual({
      changes: [],
      newComments: 1,
    });
  });
});
