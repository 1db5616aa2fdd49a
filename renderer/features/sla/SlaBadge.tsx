import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useNow } from '../../stores/now-store';
import '../../ui/badges.css';
import { Icon, type IconName } from '../../ui/Icon';
import { healthAt, type LiveClock } from './live-clock';

interface SlaBadgeProps {
  clock: LiveClock | null;
  which: 'firstResponse' | 'resolution';
  /** Rows show the countdown only; the ticket view adds the clock's name. */
  compact?: boolean;
}

/**
 * A live SLA countdown coloured by health. The colour never carries the meaning alone:
 * an icon and (for screen readers) the health in words go with it.
 */
export function SlaBadge({ clock, which, compact = false }: SlaBadgeProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(5_000);
  if (!clock) {
    return <span className="sla-badge sla-none">{t('sla.none')}</span>;
  }
  const health = healthAt(clock, now);
  let text: string;
  if (clock.status === 'running' && clock.dueAtMs !== null) {
    const minutes = (clock.dueAtMs - now) / 60_000;
    text =
      minutes >= 0
        ? t('sla.dueIn', { duration: format.duration(minutes) })
        : t('sla.overdue', { duration: format.duration(minutes) });
  } else if (clock.status === 'paused') {
    text = `${t('sla.paused')} · ${format.duration(clock.remainingMinutes)}`;
  } else {
    text = health === 'breached' ? t('sla.breached') : t('sla.met');
  }
  const clockName = t(which === 'firstResponse' ? 'sla.firstResponse' : 'sla.resolution');
  const icon: IconName =
    clock.status === 'paused'
      ? 'pause'
      : clock.status === 'stopped'
        ? health === 'breached'
          ? 'x'
          : 'check'
        : health === 'ok'
          ? 'clock'
          : 'alert';
  return (
    <span
      className={`sla-badge sla-${health} sla-${clock.status}`}
      data-health={health}
      data-clock={which}
      data-due-at={clock.dueAtMs ?? undefined}
      title={clock.dueAtMs !== null ? t('sla.dueAt', { date: format.dueTime(clock.dueAtMs) }) : undefined}
    >
      <Icon name={icon} size={12} />
      {/* A stopped clock is over: met or breached, not "on track". */}
      <span className="visually-hidden">
        {t('sla.badgeLabel', {
          clock: clockName,
          state: clock.status === 'stopped' ? text : t(`sla.health.${health}`),
        })}
        :{' '}
      </span>
      {compact ? null : <span className="sla-name">{clockName}</span>}
      <span className="sla-text">{text}</span>
    </span>
  );
}
