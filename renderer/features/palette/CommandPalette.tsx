import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketById } from '../../data/ticket-queries';
import { draftOf, useDraftStore } from '../../stores/draft-store';
import { useQueueStore } from '../../stores/queue-store';
import { useUiStore } from '../../stores/ui-store';
import { Dialog } from '../../ui/Dialog';
import { useAgents, useMacros, useMe } from '../reference/use-reference-data';
import { buildCommands, filterCommands, type Command, type CommandGroup } from './commands';
import './palette.css';

const GROUP_ORDER: CommandGroup[] = ['ticket', 'macros', 'navigation', 'app'];

/**
 * Ctrl/Cmd+K: every action by name. A combobox over a listbox (the ARIA pattern), so the
 * focus stays in the text field while ↑/↓ move the highlighted command.
 */
export function CommandPalette({ onClose, signOut }: { onClose(): void; signOut(): void }) {
  const { t } = useTranslation();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const openTicketId = useUiStore((s) => s.openTicketId);
  const activeId = useQueueStore((s) => s.activeId);
  const macros = useMacros();
  const agents = useAgents();
  const { session, agent } = useMe();
  const ticketId = openTicketId ?? activeId;
  const ticket = useLiveQuery(() => (ticketId ? ticketById(ticketId) : undefined), [ticketId]);
  const visibility = useDraftStore((s) => (ticketId ? draftOf(s.drafts, ticketId).visibility : 'public'));

  const commands = useMemo(
    () =>
      buildCommands({
        t,
        ticketId,
        ticket: ticket ?? null,
        ticketOpen: openTicketId !== null,
        me: session ? { id: session.id, name: session.name } : null,
        agents,
        viewer: { id: session?.id ?? null, teamIds: agent?.teamIds ?? [] },
        visibility,
        macros,
        signOut,
      }),
    [t, ticketId, ticket, openTicketId, session, agent?.teamIds, agents, visibility, macros, signOut],
  );
  const shown = useMemo(() => {
    const filtered = filterCommands(commands, query);
    return GROUP_ORDER.flatMap((group) => filtered.filter((c) => c.group === group));
  }, [commands, query]);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  function run(command: Command | undefined) {
    if (!command) return;
    onClose();
    command.run();
  }

  return (
    <Dialog title={t('palette.title')} onClose={onClose} initialFocus={inputRef}>
      <input
        ref={inputRef}
        className="input palette-input"
        role="combobox"
        aria-label={t('palette.placeholder')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown[current] ? `${listId}-${shown[current].id}` : undefined}
        placeholder={t('palette.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(shown.length - 1, i + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(0, i - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            run(shown[current]);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label={t('palette.title')} className="palette-list">
        {shown.length === 0 ? (
          <li role="option" aria-selected="false" aria-disabled="true" className="palette-empty muted">
            {t('palette.empty')}
          </li>
        ) : null}
        {shown.map((command, index) => (
          <li
            key={command.id}
            id={`${listId}-${command.id}`}
            role="option"
            aria-selected={index === current}
            className={`palette-option ${index === current ? 'active' : ''}`}
            onMouseEnter={() => setActive(index)}
            onClick={() => run(command)}
          >
            <span className="palette-group muted">{t(`palette.groups.${command.group}`)}</span>
            <span className="palette-label">{command.label}</span>
            {command.shortcut ? <kbd>{command.shortcut}</kbd> : null}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
