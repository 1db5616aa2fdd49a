import type { TFunction } from 'i18next';
import { TICKET_STATUSES, type AuditEntry, type TicketStatus } from '../../../shared/index';

const FIELD_KEYS = [
  'title',
  'description',
  'category',
  'impact',
  'urgency',
  'priority',
  'tags',
  'status',
  'assigneeId',
  'teamId',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];
const isField = (key: string): key is FieldKey => (FIELD_KEYS as readonly string[]).includes(key);
const isStatus = (value: unknown): value is TicketStatus =>
  typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);

/** "la categoría", "the category": a changed field's name in a sentence. */
export const fieldName = (t: TFunction, key: string): string =>
  isField(key) ? t(`timeline.fields.${key}`) : key;

/**
 * One audit line as a sentence. The audit trail stores field names and raw values; the
 * sentence names people and statuses the way the agent sees them elsewhere.
 */
export function auditText(
  t: TFunction,
  entry: AuditEntry,
  nameOf: (agentId: string | null) => string,
  list: (items: string[]) => string,
): string {
  const actor = entry.actorId ? nameOf(entry.actorId) : t('timeline.system');
  const status = entry.changes.status;
  switch (entry.action) {
    case 'ticket.create':
    case 'comment.add':
    case 'ticket.feedback':
    case 'attachment.add':
      return t(`timeline.audit.${entry.action}`, { actor });
    case 'ticket.transition':
      if (status && isStatus(status[0]) && isStatus(status[1])) {
        return t('timeline.audit.ticket.transition', {
          actor,
          from: t(`status.${status[0]}`),
          to: t(`status.${status[1]}`),
        });
      }
      break;
    case 'comment.requester_reply':
      // What the agent must notice: a ticket that waited on the requester is back in the queue.
      if (status && isStatus(status[0]) && isStatus(status[1])) {
        return t('timeline.audit.requesterBack', {
          from: t(`status.${status[0]}`),
          to: t(`status.${status[1]}`),
        });
      }
      return t('timeline.audit.requesterAnswered');
    case 'ticket.assign': {
      const assignee = entry.changes.assigneeId?.[1];
      if (typeof assignee === 'string')
        return t('timeline.audit.ticket.assign', { actor, assignee: nameOf(assignee) });
      if (entry.changes.assigneeId) return t('timeline.audit.ticket.unassign', { actor });
      break;
    }
  }
  const fields = Object.keys(entry.changes).filter((key) => key !== 'comment' && key !== 'attachment');
  if (fields.length > 0)
    return t('timeline.audit.ticket.update', { actor, fields: list(fields.map((f) => fieldName(t, f))) });
  if (entry.action.startsWith('ticket.')) return t('timeline.audit.touched', { actor });
  return t('timeline.audit.other', { actor, action: entry.action });
}

/** A changed value as the agent would read it (status names, agent names, priorities). */
export function valueText(
  t: TFunction,
  key: string,
  value: unknown,
  nameOf: (agentId: string | null) => string,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'status' && isStatus(value)) return t(`status.${value}`);
  if (key === 'assigneeId' && typeof value === 'string') return nameOf(value);
  if (key === 'priority' && typeof value === 'number' && value >= 1 && value <= 5)
    return t(`priority.p${value as 1 | 2 | 3 | 4 | 5}`);
  if ((key === 'impact' || key === 'urgency') && typeof value === 'number' && value >= 1 && value <= 3) {
    return t(`${key}.v${value as 1 | 2 | 3}`);
  }
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
