import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { SlaBadge } from '../sla/SlaBadge';
import type { LiveClock, LiveClocks } from '../sla/live-clock';

/** Both SLA clocks, each with its due time in the agent's own time zone and its business-time use. */
export function SlaClocks({ clocks }: { clocks: LiveClocks | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="ticket-section" aria-labelledby={headingId} data-testid="sla-clocks">
      <h3 id={headingId} className="section-title">
        SLA
      </h3>
      {clocks ? (
        <ul className="plain-list sla-clocks">
          <ClockLine which="firstResponse" clock={clocks.firstResponse} />
          <ClockLine which="resolution" clock={clocks.resolution} />
        </ul>
      ) : (
        <p className="muted small">{t('sla.none')}</p>
      )}
    </section>
  );
}

function ClockLine({ which, clock }: { which: 'firstResponse' | 'resolution'; clock: LiveClock }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="sla-clock" data-clock={which}>
      <SlaBadge clock={clock} which={which} />
      <span className="small muted">
        {clock.dueAtMs !== null ? t('sla.dueAt', { date: format.dueTime(clock.dueAtMs) }) : null}
        {clock.dueAtMs !== null ? ' · ' : null}
        {t('sla.elapsedBusiness', {
          elapsed: format.duration(clock.elapsedMinutes),
          target: format.duration(clock.targetMinutes),
        })}
      </span>
    </li>
  );
}
