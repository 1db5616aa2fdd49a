import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Macro } from '../../../shared/index';
import { AttachButton } from '../../attachments/AttachButton';
import { AttachDropZone } from '../../attachments/AttachDropZone';
import { serverCopyOf } from '../../data/cached-ticket';
import { attachmentsOfTicket, commentsOfTicket, ticketById } from '../../data/ticket-queries';
import { useSyncStore } from '../../sync/sync-store';
import { useDraftStore } from '../../stores/draft-store';
import { useNow } from '../../stores/now-store';
import { useUiStore } from '../../stores/ui-store';
import { AttachmentList } from '../attachments/AttachmentList';
import { applyMacro } from '../macros/apply-macro';
import {
  useAgentNames,
  useAgents,
  useCategories,
  useMacros,
  useMe,
  usePolicyResolver,
  useTeams,
} from '../reference/use-reference-data';
import { QueuedReplyWarnings } from '../reply/QueuedReplyWarnings';
import { ReplyBox } from '../reply/ReplyBox';
import { liveClocks, liveSlaState } from '../sla/live-clock';
import { AssigneePicker } from './AssigneePicker';
import { ClassificationFields } from './ClassificationFields';
import { RequesterCard } from './RequesterCard';
import { SlaClocks } from './SlaClocks';
import { StatusControl } from './StatusControl';
import { TicketDetails } from './TicketDetails';
import { TicketHeader } from './TicketHeader';
import { Timeline } from './Timeline';
import { takeAndMove } from './take-and-move';
import { useTicketActions } from './use-ticket-actions';
import './ticket.css';

const NO_COMMENTS: never[] = [];

/** Everything about one ticket, read live from the cache, changed through the outbox. */
export function TicketView({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const ticket = useLiveQuery(() => ticketById(ticketId), [ticketId], null);
  const comments = useLiveQuery(() => commentsOfTicket(ticketId), [ticketId], NO_COMMENTS);
  const attachments = useLiveQuery(() => attachmentsOfTicket(ticketId), [ticketId], NO_COMMENTS);
  const agents = useAgents();
  const teams = useTeams();
  const categories = useCategories();
  const macros = useMacros();
  const nameOf = useAgentNames();
  const resolvePolicy = usePolicyResolver();
  const { session } = useMe();
  const online = useSyncStore((s) => s.connectivity === 'online');
  const closeTicket = useUiStore((s) => s.closeTicket);
  const markSeen = useDraftStore((s) => s.markSeen);
  const actions = useTicketActions(ticket ?? undefined);
  const now = useNow(60_000);

  // The stale-work baseline: what the server had when the agent opened this ticket.
  const seenFor = useRef<string | null>(null);
  useEffect(() => {
    if (!ticket || seenFor.current === ticketId) return;
    seenFor.current = ticketId;
    markSeen(ticketId, serverCopyOf(ticket)?.updatedAt ?? null);
  }, [ticket, ticketId, markSeen]);

  const policy = ticket ? resolvePolicy(ticket) : null;
  // Re-evaluated each minute and on every change; the badges tick between evaluations.
  const clocks = useMemo(
    () => (ticket ? liveClocks(ticket, policy, new Date(now)) : null),
    [ticket, policy, now],
  );
  const headline = useMemo(
    () => (ticket ? liveSlaState(ticket, policy, new Date(now)) : null),
    [ticket, policy, now],
  );

  if (ticket === null) return <p className="ticket-loading muted">{t('app.loading')}</p>;
  if (!ticket) {
    return (
      <div className="ticket-missing">
        <p>{t('ticket.notFound')}</p>
        <button type="button" className="btn" onClick={closeTicket}>
          {t('ticket.backToQueue')}
        </button>
      </div>
    );
  }

  const closed = ticket.status === 'closed' || ticket.status === 'cancelled';
  const pickMacro = (macro: Macro) => void applyMacro(ticket.id, macro, session?.name ?? '');

  return (
    <article
      className="ticket-view"
      aria-labelledby="ticket-title"
      data-testid="ticket-view"
      data-ticket-id={ticket.id}
    >
      <TicketHeader ticket={ticket} headline={headline} onBack={closeTicket} />
      <div className="ticket-columns">
        <AttachDropZone ticketId={ticket.id} disabled={closed} className="ticket-main">
          <TicketDetails ticket={ticket} />
          <Timeline comments={comments} audit={ticket.audit} nameOf={nameOf} />
          <QueuedReplyWarnings
            ticket={ticket}
            comments={comments}
            policy={policy}
            meId={session?.id ?? null}
            nameOf={nameOf}
          />
          <ReplyBox
            ticket={ticket}
            comments={comments}
            macros={macros}
            meId={session?.id ?? null}
            offline={!online}
            nameOf={nameOf}
            onPickMacro={pickMacro}
            onSend={actions.reply}
          />
        </AttachDropZone>
        <aside className="ticket-side" aria-label={t('ticket.properties')}>
          {/* Triage first: status, then impact and urgency, within the first screen of a laptop. */}
          <StatusControl
            ticket={ticket}
            onTransition={actions.transition}
            onTakeAndMove={session ? (to) => takeAndMove(ticket.id, session.id, to) : undefined}
          />
          <ClassificationFields
            ticket={ticket}
            categories={categories}
            teams={teams}
            onUpdate={actions.update}
          />
          <AssigneePicker
            ticket={ticket}
            agents={agents}
            meId={session?.id ?? null}
            onAssign={actions.assign}
          />
          <SlaClocks clocks={clocks} />
          <RequesterCard ticket={ticket} />
          <AttachmentList
            attachments={attachments}
            online={online}
            action={<AttachButton ticketId={ticket.id} disabled={closed} />}
          />
        </aside>
      </div>
    </article>
  );
}
