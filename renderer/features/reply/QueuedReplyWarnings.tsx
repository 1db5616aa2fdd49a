import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '../../../shared/index';
import { serverCopyOf } from '../../data/cached-ticket';
import type { CachedComment, CachedTicket } from '../../data/db';
import { useFormat } from '../../i18n/format';
import { useDraftStore } from '../../stores/draft-store';
import { useNow } from '../../stores/now-store';
import { liveClocks } from '../sla/live-clock';
import { ChangesTable } from './ChangesTable';
import { staleReport } from './stale-changes';

interface QueuedReplyWarningsProps {
  ticket: CachedTicket;
  comments: readonly CachedComment[];
  policy: SlaPolicy | null;
  meId: string | null;
  nameOf(agentId: string | null): string;
}

/**
 * Replies waiting in the outbox. The local copy already counts them as sent (the optimistic
 * first response), but the server will date them when they land, so the warning reads the
 * server's own copy: a queued public reply that lands after the first-response due time
 * breaches it. And if the ticket moved on the server after the reply was written, say what moved.
 */
export function QueuedReplyWarnings({ ticket, comments, policy, meId, nameOf }: QueuedReplyWarningsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(30_000);
  const bases = useDraftStore((s) => s.queuedReplyBase);
  const queued = comments.filter((c) => c.pending === 1);
  if (queued.length === 0) return null;

  const server = serverCopyOf(ticket);
  const serverClock =
    server && !server.firstResponseAt ? liveClocks(server, policy, new Date(now))?.firstResponse : undefined;
  const firstPublic = queued.find((c) => c.visibility === 'public');
  const dueMs = serverClock?.status === 'running' ? serverClock.dueAtMs : null;
  const oldestBase = queued
    .map((c) => (c.id in bases ? bases[c.id] : undefined))
    .find((v) => v !== undefined);
  const moved = staleReport(server, oldestBase ?? null, comments, meId);

  return (
    <div className="queued-replies" data-testid="queued-replies">
      <p className="notice" role="status">
        {t('stale.queuedReplies', { count: queued.length })}
      </p>
      {firstPublic && dueMs !== null ? (
        <p className={dueMs < now ? 'refusal' : 'notice'} data-testid="queued-after-due">
          {t('stale.queuedAfterDue', {
            written: format.dateTime(firstPublic.writtenAt),
            due: format.dueTime(dueMs),
            clock: t('sla.firstResponse').toLowerCase(),
          })}
        </p>
      ) : null}
      {moved ? (
        <div className="notice">
          <p>{t('stale.changedOnServer')}</p>
          <ChangesTable report={moved} nameOf={nameOf} />
        </div>
      ) : null}
    </div>
  );
}
