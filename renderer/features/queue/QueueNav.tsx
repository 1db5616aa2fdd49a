import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { countQueue } from '../../data/queue-query';
import { useNow } from '../../stores/now-store';
import { QUEUE_IDS, useQueueStore, type QueueId } from '../../stores/queue-store';
import { useUiStore } from '../../stores/ui-store';
import { useMe } from '../reference/use-reference-data';
import { Icon, type IconName } from '../../ui/Icon';

const ICONS: Record<QueueId, IconName> = {
  mine: 'user',
  unassigned: 'inbox',
  team: 'users',
  breaching: 'flag',
  all: 'list',
};

/** The five queues with their open-ticket counts; the current one is marked for screen readers too. */
export function QueueNav() {
  const { t, i18n } = useTranslation();
  const queue = useQueueStore((s) => s.queue);
  const setQueue = useQueueStore((s) => s.setQueue);
  const search = useUiStore((s) => s.search);
  const openTicketId = useUiStore((s) => s.openTicketId);
  const view = useUiStore((s) => s.view);
  const showView = useUiStore((s) => s.showView);
  const { session, agent } = useMe();
  const minute = useNow(60_000);
  const teamKey = (agent?.teamIds ?? []).join(',');
  const counts = useLiveQuery(async () => {
    const agentId = session?.id ?? null;
    const teamIds = teamKey ? teamKey.split(',') : [];
    const entries = await Promise.all(
      QUEUE_IDS.map(
        async (kind) =>
          [
            kind,
            await countQueue({
              kind,
              agentId: kind === 'mine' ? agentId : null,
              teamIds: kind === 'team' ? teamIds : undefined,
              now: minute,
            }),
          ] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<QueueId, number>;
  }, [session?.id, teamKey, minute]);
  const format = new Intl.NumberFormat(i18n.resolvedLanguage);

  return (
    <nav className="queue-nav" aria-label={t('queues.label')}>
      <h2 className="nav-title">{t('queues.label')}</h2>
      <ul>
        {QUEUE_IDS.map((id) => {
          const current = id === queue && view === 'queue' && !search && !openTicketId;
          return (
            <li key={id}>
              <button
                type="button"
                className={`nav-item ${id === queue && view === 'queue' ? 'selected' : ''} ${id === 'breaching' && (counts?.breaching ?? 0) > 0 ? 'nav-alert' : ''}`}
                aria-current={current ? 'page' : undefined}
                data-queue={id}
                onClick={() => {
                  setQueue(id);
                  showView('queue');
                }}
              >
                <Icon name={ICONS[id]} className="nav-icon" size={16} />
                <span className="nav-label">{t(`queues.${id}`)}</span>
                <span className="nav-count" data-testid={`count-${id}`}>
                  {counts ? format.format(counts[id]) : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <h2 className="nav-title">{t('reports.title')}</h2>
      <ul>
        <li>
          <button
            type="button"
            className={`nav-item ${view === 'reports' ? 'selected' : ''}`}
            aria-current={view === 'reports' && !search && !openTicketId ? 'page' : undefined}
            data-testid="nav-reports"
            onClick={() => showView('reports')}
          >
            <Icon name="chart" className="nav-icon" size={16} />
            <span className="nav-label">{t('reports.title')}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
