import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { useSlaAttention } from './sla-attention-store';
import './sla-alerts.css';

/** The count of watched tickets in SLA warning or breach; the browser host has no tray to show it. */
export function SlaAttentionBadge() {
  const { t } = useTranslation();
  const count = useSlaAttention((s) => s.count);
  if (count === null) return null;
  return (
    <span
      className={`badge sla-attention-badge ${count > 0 ? 'needs-attention' : ''}`}
      role="status"
      data-testid="sla-attention"
      data-count={count}
      title={t('slaAlerts.attention', { count })}
    >
      <Icon name="clock" />
      {count}
      <span className="visually-hidden"> {t('slaAlerts.attention', { count })}</span>
    </span>
  );
}
