import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestAssignees, type Agent, type Ticket } from '../../../shared/index';
import type { Refusal } from '../../i18n/refusals';
import { PresenceDot } from '../../ui/badges';
import { RefusalMessage } from '../../ui/RefusalMessage';
import type { ActionResult } from './actions';

interface AssigneePickerProps {
  ticket: Pick<Ticket, 'category' | 'teamId' | 'assigneeId' | 'status'>;
  agents: readonly Agent[];
  meId: string | null;
  onAssign(assigneeId: string | null): Promise<ActionResult>;
}

const SUGGESTIONS_SHOWN = 4;

/** The shared ranking wants Dates; the cache keeps ISO strings. */
const candidateOf = (agent: Agent) => ({
  ...agent,
  lastAssignedAt: agent.lastAssignedAt ? new Date(agent.lastAssignedAt) : null,
});

/**
 * Who owns the ticket, and who should: the shared ranking (skill, team, presence, load)
 * lists the best few with their load, so the agent can spread work without asking around.
 */
export function AssigneePicker({ ticket, agents, meId, onAssign }: AssigneePickerProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const selectId = useId();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const byId = useMemo(() => new Map(agents.map((agent) => [agent.id, agent])), [agents]);
  const active = useMemo(
    () => agents.filter((a) => a.active).sort((a, b) => a.name.localeCompare(b.name)),
    [agents],
  );
  const suggestions = useMemo(
    () =>
      suggestAssignees({ category: ticket.category, teamId: ticket.teamId }, active.map(candidateOf))
        .filter((id) => id !== ticket.assigneeId)
        .slice(0, SUGGESTIONS_SHOWN)
        .flatMap((id) => byId.get(id) ?? []),
    [active, byId, ticket.category, ticket.teamId, ticket.assigneeId],
  );
  const current = ticket.assigneeId ? byId.get(ticket.assigneeId) : undefined;

  async function assign(assigneeId: string | null) {
    setRefusal(null);
    const result = await onAssign(assigneeId);
    if (!result.ok) setRefusal({ code: result.code, message: result.message });
  }

  return (
    <section className="ticket-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        {t('ticket.assignee')}
      </h3>
      <div className="assignee-current">
        {current ? <PresenceDot presence={current.presence} /> : null}
        <span data-testid="assignee-name">
          {current?.name ?? (ticket.assigneeId ? t('app.unknown') : t('filters.unassigned'))}
        </span>
      </div>
      <div className="assignee-controls">
        <label htmlFor={selectId} className="visually-hidden">
          {t('ticket.assignee')}
        </label>
        <select
          id={selectId}
          className="select"
          value={ticket.assigneeId ?? ''}
          onChange={(e) => void assign(e.target.value || null)}
        >
          <option value="">{t('filters.unassigned')}</option>
          {active.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
        {meId && ticket.assigneeId !== meId ? (
          <button type="button" className="btn btn-small" onClick={() => void assign(meId)}>
            {t('ticket.assignToMe')}
          </button>
        ) : null}
      </div>
      <RefusalMessage refusal={refusal} />
      <h4 className="subsection-title">{t('ticket.suggestions')}</h4>
      {suggestions.length === 0 ? (
        <p className="muted small">{t('ticket.noSuggestions')}</p>
      ) : (
        <ul className="plain-list suggestions">
          {suggestions.map((agent) => (
            <li key={agent.id}>
              <button
                type="button"
                className="suggestion"
                onClick={() => void assign(agent.id)}
                data-testid="assignee-suggestion"
              >
                <PresenceDot presence={agent.presence} />
                <span className="suggestion-name">{agent.name}</span>
                <span className="suggestion-load muted">
                  {t('ticket.load', { open: agent.openTickets, capacity: agent.capacity })}
                </span>
                <LoadBar open={agent.openTickets} capacity={agent.capacity} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LoadBar({ open, capacity }: { open: number; capacity: number }) {
  const ratio = Math.min(1, open / Math.max(1, capacity));
  return (
    <span className="load-bar" aria-hidden="true">
      <span
        className={ratio >= 0.8 ? 'load-high' : ratio >= 0.5 ? 'load-mid' : 'load-low'}
        style={{ width: `${Math.round(ratio * 100)}%` }}
      />
    </span>
  );
}
