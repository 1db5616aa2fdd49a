import { useTranslation } from 'react-i18next';
import { priorityOf, type Impact, type Urgency } from '../../shared/index';
import { PriorityBadge } from './badges';
import { Field } from './Field';

const LEVELS = [1, 2, 3] as const;

interface ImpactUrgencyFieldsProps {
  impact: Impact;
  urgency: Urgency;
  onImpact(impact: Impact): void;
  onUrgency(urgency: Urgency): void;
  disabled?: boolean;
}

/**
 * Impact and urgency side by side, explained in words, with the priority ITIL's matrix
 * gives them (priorityOf, the rule the server uses), so the agent sees the consequence.
 */
export function ImpactUrgencyFields({ impact, urgency, onImpact, onUrgency, disabled }: ImpactUrgencyFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field-pair">
        <Field label={t('impact.label')}>
          {(props) => (
            <select {...props} className="select" value={impact} disabled={disabled} onChange={(e) => onImpact(Number(e.target.value) as Impact)}>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`impact.v${level}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('urgency.label')}>
          {(props) => (
            <select {...props} className="select" value={urgency} disabled={disabled} onChange={(e) => onUrgency(Number(e.target.value) as Urgency)}>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`urgency.v${level}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p className="priority-result">
        <span className="muted">{t('ticket.priorityFromMatrix')}</span>
        <PriorityBadge priority={priorityOf(impact, urgency)} />
      </p>
    </>
  );
}
