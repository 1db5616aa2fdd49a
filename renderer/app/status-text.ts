import type { TicketStatus } from '../../shared/index';

/** English names of the statuses for the plain screen (the console has i18n). */
const STATUS_TEXT: Record<TicketStatus, string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  pending: 'Pending',
  resolved: 'Resolved',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export function statusText(status: TicketStatus): string {
  return STATUS_TEXT[status];
}
