/** The types of docs/domain-rules.md, exactly as written there. */

export type Impact = 1 | 2 | 3; // 1 = high
export type Urgency = 1 | 2 | 3; // 1 = high
export type Priority = 1 | 2 | 3 | 4 | 5; // 1 = critical

export type TicketStatus =
  'new' | 'assigned' | 'in_progress' | 'pending' | 'resolved' | 'closed' | 'cancelled';

export type TransitionError =
  | 'same_status'
  | 'invalid_transition'
  | 'assignee_required'
  | 'resolution_required'
  | 'pending_reason_required'
  | 'cancel_reason_required'
  | 'reopen_window_expired';

export type TransitionResult = { ok: true } | { ok: false; code: TransitionError; message: string };

export interface TransitionInput {
  assigneeId?: string | null;
  resolutionNote?: string;
  pendingReason?: string;
  cancelReason?: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface BusinessCalendar {
  /** IANA, e.g. 'Europe/Madrid'. */
  timeZone: string;
  /** Local 'HH:MM' start, end; end exclusive; '24:00' allowed. */
  week: Partial<Record<Weekday, Array<[string, string]>>>;
  /** Local dates 'YYYY-MM-DD' with no business time. */
  holidays?: string[];
}

export interface SlaTarget {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

export interface SlaPolicy {
  id: string;
  name: string;
  calendar: BusinessCalendar;
  targets: Record<Priority, SlaTarget>;
  warnAtFraction: number;
}

export interface SlaTimeline {
  createdAt: Date;
  priority: Priority;
  firstResponseAt?: Date | null;
  statusChanges: Array<{ at: Date; status: TicketStatus }>;
}

export interface SlaClock {
  status: 'running' | 'paused' | 'stopped';
  health: 'ok' | 'warning' | 'breached';
  targetMinutes: number;
  elapsedMinutes: number;
  remainingMinutes: number;
  dueAt: Date | null;
}

export interface SlaEvaluation {
  firstResponse: SlaClock;
  resolution: SlaClock;
}

export interface AgentCandidate {
  id: string;
  teamIds: string[];
  skills: string[];
  presence: 'online' | 'away' | 'offline';
  openTickets: number;
  capacity: number;
  lastAssignedAt?: Date | null;
}
