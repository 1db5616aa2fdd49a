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
export function ImpactUrgencyFields({
  impact,
  urgency,
  onImpact,
  onUrgency,
  disabled,
}: ImpactUrgencyFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field-pair">
        <LevelField kind="impact" value={impact} disabled={disabled} onChange={onImpact} />
        <LevelField kind="urgency" value={urgency} disabled={disabled} onChange={onUrgency} />
      </div>
      <p className="priority-result">
        <span className="muted">{t('ticket.priorityFromMatrix')}</span>
        <PriorityBadge priority={priorityOf(impact, urgency)} />
      </p>
    </>
  );
}

type Level = Impact & Urgency; // the same 1–3 scale

/**
 * One of the two scales. The select shows the level's name (`impact.n1`), which fits a
 * narrow sidebar in both languages; what the chosen level means (`impact.v1`) is its hint.
 */
function LevelField({
  kind,
  value,
  disabled,
  onChange,
}: {
  kind: 'impact' | 'urgency';
  value: Level;
  disabled?: boolean;
  onChange(level: Level): void;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t(`${kind}.label`)} hint={t(`${kind}.v${value}`)}>
      {(props) => (
        <select
          {...props}
          className="select"
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(Number(e.target.value) as Level)}
        >
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`${kind}.n${level}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
