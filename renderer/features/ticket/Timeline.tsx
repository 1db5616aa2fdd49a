import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, MailDelivery } from '../../../shared/index';
import type { CachedComment } from '../../data/db';
import { useFormat } from '../../i18n/format';
import { auditText } from './audit-text';
import { Icon } from '../../ui/Icon';

interface TimelineProps {
  comments: readonly CachedComment[];
  audit: readonly AuditEntry[];
  nameOf(agentId: string | null): string;
}

type Item =
  { kind: 'comment'; at: string; comment: CachedComment } | { kind: 'audit'; at: string; entry: AuditEntry };

/** A comment's audit line adds nothing to the comment, unless the requester's answer moved the ticket. */
const isOwnEvent = (entry: AuditEntry): boolean =>
  entry.action !== 'comment.add' && !(entry.action === 'comment.requester_reply' && !entry.changes.status);

/** Written offline and synced more than this later: show both times (the SLA cares about both). */
const OFFLINE_GAP_MS = 60_000;

/**
 * Replies, internal notes and audit events in one chronological thread. Internal notes
 * look different (tinted, labelled, with a lock) so nobody mistakes what the requester sees.
 * Comment audit lines are left out: the comment itself is the event.
 */
export function Timeline({ comments, audit, nameOf }: TimelineProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const items = useMemo(() => {
    const all: Item[] = [
      ...comments.map((comment): Item => ({
        kind: 'comment',
        at: comment.writtenAt || comment.createdAt,
        comment,
      })),
      ...audit.filter(isOwnEvent).map((entry): Item => ({ kind: 'audit', at: entry.at, entry })),
    ];
    return all.sort((a, b) => a.at.localeCompare(b.at));
  }, [comments, audit]);

  return (
    <section className="timeline" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t('timeline.title')}
      </h2>
      {items.length === 0 ? <p className="muted">{t('timeline.empty')}</p> : null}
      <ol className="plain-list timeline-list">
        {items.map((item) =>
          item.kind === 'audit' ? (
            <li key={`a:${item.entry.at}:${item.entry.action}`} className="timeline-audit">
              <span className="timeline-dot" aria-hidden="true" />
              <span>{auditText(t, item.entry, nameOf, format.list)}</span>
              <time dateTime={item.entry.at} className="muted">
                {format.dateTime(item.entry.at)}
              </time>
            </li>
          ) : (
            <CommentItem key={item.comment.id} comment={item.comment} />
          ),
        )}
      </ol>
    </section>
  );
}

function CommentItem({ comment }: { comment: CachedComment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const internal = comment.visibility === 'internal';
  const gap = Date.parse(comment.createdAt) - Date.parse(comment.writtenAt);
  return (
    <li
      className={`comment ${internal ? 'comment-internal' : 'comment-public'}`}
      data-visibility={comment.visibility}
      data-testid="comment"
    >
      <header className="comment-header">
        <span className="comment-author">
          {comment.authorId ? comment.authorName : `${comment.authorName} · ${t('timeline.requester')}`}
          {comment.channel ? ` · ${t(`timeline.channel.${comment.channel}`)}` : null}
        </span>
        <span className={`comment-kind ${internal ? 'kind-internal' : 'kind-public'}`}>
          {internal ? <Icon name="lock" size={11} /> : null}
          {internal ? t('timeline.internal') : t('timeline.public')}
        </span>
        <time dateTime={comment.writtenAt} className="muted">
          {format.dateTime(comment.writtenAt)}
        </time>
        {comment.pending === 1 ? <span className="comment-pending">{t('timeline.pendingSync')}</span> : null}
      </header>
      <p className="comment-body">{comment.body}</p>
      {comment.delivery ? <MailDeliveryLine delivery={comment.delivery} /> : null}
      {comment.pending === 0 && gap > OFFLINE_GAP_MS ? (
        <p className="comment-offline muted small">
          {t('timeline.writtenOffline', {
            written: format.dateTime(comment.writtenAt),
            synced: format.dateTime(comment.createdAt),
          })}
        </p>
      ) : null}
    </li>
  );
}

/** Whether the requester got this reply by mail: the agent can act on a failure (wrong address, full mailbox). */
function MailDeliveryLine({ delivery }: { delivery: MailDelivery }) {
  const { t } = useTranslation();
  const text =
    delivery.status === 'failed'
      ? t('timeline.mail.failed', { reason: delivery.reason ?? '' })
      : delivery.status === 'sent'
        ? t('timeline.mail.sent')
        : delivery.reason
          ? t('timeline.mail.retrying', { reason: delivery.reason })
          : t('timeline.mail.queued');
  return (
    <p
      className={`comment-mail small ${delivery.status === 'failed' ? 'comment-mail-failed' : 'muted'}`}
      data-testid="mail-delivery"
      data-status={delivery.status}
      role={delivery.status === 'failed' ? 'alert' : undefined}
    >
      <Icon name="inbox" size={11} /> {text}
    </p>
  );
}
