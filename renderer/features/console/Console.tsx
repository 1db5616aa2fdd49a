import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionAgent } from '../../../shared/index';
import { useUiStore } from '../../stores/ui-store';
import { Toast } from './Toast';
import { NewTicketForm } from '../new-ticket/NewTicketForm';
import { CommandPalette } from '../palette/CommandPalette';
import { QueueNav } from '../queue/QueueNav';
import { QueueView } from '../queue/QueueView';
import { ReportsView } from '../reports/ReportsView';
import { SearchBox } from '../search/SearchBox';
import { SearchView } from '../search/SearchView';
import { SettingsMenu } from '../settings/SettingsMenu';
import { ShortcutsHelp } from '../shortcuts/ShortcutsHelp';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { RefusedChangesPanel } from '../sync-status/RefusedChangesPanel';
import { SlaAttentionBadge } from '../../notifications/SlaAttentionBadge';
import { SyncStatus } from '../sync-status/SyncStatus';
import { TicketView } from '../ticket/TicketView';
import './console.css';
import { Icon } from '../../ui/Icon';

interface ConsoleProps {
  agent: SessionAgent;
  onSignOut(): void;
}

/** The agent's triage console: top bar, queues, and the queue, search results or a ticket. */
export function Console({ agent, onSignOut }: ConsoleProps) {
  const { t } = useTranslation();
  const openTicketId = useUiStore((s) => s.openTicketId);
  const search = useUiStore((s) => s.search);
  const view = useUiStore((s) => s.view);
  const overlay = useUiStore((s) => s.overlay);
  const setOverlay = useUiStore((s) => s.setOverlay);
  const newTicketSeed = useUiStore((s) => s.newTicketSeed);
  const closeOverlay = useCallback(() => setOverlay(null), [setOverlay]);
  useShortcuts(agent.id);

  return (
    <div className="console">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="top-bar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            M
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <SearchBox />
        <button
          type="button"
          className="btn btn-primary btn-small"
          onClick={() => setOverlay('newTicket')}
          data-testid="new-ticket"
          // Its name whether or not a narrow window shows its words (console.css).
          aria-label={t('newTicket.open')}
          title={t('newTicket.open')}
        >
          <Icon name="plus" /> <span className="new-ticket-label">{t('newTicket.open')}</span>
        </button>
        <span className="top-spacer" />
        <SlaAttentionBadge />
        <SyncStatus />
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => setOverlay('shortcuts')}
          aria-label={t('keyboard.open')}
        >
          <kbd aria-hidden="true">?</kbd>
        </button>
        <SettingsMenu agentName={agent.name} onSignOut={onSignOut} />
      </header>
      <div className="console-body">
        <aside className="sidebar">
          <QueueNav />
        </aside>
        <main id="main" className="console-main" tabIndex={-1}>
          {openTicketId ? (
            <TicketView key={openTicketId} ticketId={openTicketId} />
          ) : search.trim() ? (
            <SearchView query={search} />
          ) : view === 'reports' ? (
            <ReportsView />
          ) : (
            <QueueView />
          )}
        </main>
      </div>
      {overlay === 'palette' ? <CommandPalette onClose={closeOverlay} signOut={onSignOut} /> : null}
      {overlay === 'shortcuts' ? <ShortcutsHelp onClose={closeOverlay} /> : null}
      {overlay === 'newTicket' ? <NewTicketForm onClose={closeOverlay} seed={newTicketSeed} /> : null}
      {overlay === 'refused' ? <RefusedChangesPanel onClose={closeOverlay} /> : null}
      <Toast />
    </div>
  );
}
