import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { countQueue } from '../data/queue-query';
import { useNow } from '../stores/now-store';
import { useQueueStore } from '../stores/queue-store';
import { useUiStore } from '../stores/ui-store';
import { Icon } from '../ui/Icon';
import './sla-alerts.css';

/**
 * The top bar's SLA signal: how many tickets "Breaching soon" lists, the very count the
 * sidebar shows (the same query, the same minute), named so it needs no legend. Hidden
 * at zero: a badge that always shows stops being read. A click opens that queue.
 */
export function SlaAttentionBadge() {
  const { t, i18n } = useTranslation();
  const minute = useNow(60_000);
  const count = useLiveQuery(() => countQueue({ kind: 'breaching', agentId: null, now: minute }), [minute]);
  const setQueue = useQueueStore((s) => s.setQueue);
  const setSearch = useUiStore((s) => s.setSearch);
  const closeTicket = useUiStore((s) => s.closeTicket);
  if (!count) return null;
  return (
    <button
      type="button"
      className="badge sla-attention-badge needs-attention"
      data-testid="sla-attention"
      data-count={count}
      title={t('slaAlerts.attention', { count })}
      // The same words as its visible label, which a narrow window hides (console.css).
      aria-label={`${t('queues.breaching')} ${new Intl.NumberFormat(i18n.resolvedLanguage).format(count)}`}
      onClick={() => {
        setQueue('breaching');
        setSearch('');
        closeTicket();
      }}
    >
      <Icon name="flag" />
      <span className="sla-attention-label">{t('queues.breaching')}</span>
      <span className="sla-attention-count">
        {new Intl.NumberFormat(i18n.resolvedLanguage).format(count)}
      </span>
    </button>
  );
}
