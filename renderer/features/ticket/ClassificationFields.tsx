import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Impact, Team, Ticket, Urgency } from '../../../shared/index';
import type { Refusal } from '../../i18n/refusals';
import { Field } from '../../ui/Field';
import { ImpactUrgencyFields } from '../../ui/ImpactUrgencyFields';
import { RefusalMessage } from '../../ui/RefusalMessage';
import type { ActionResult } from './actions';

interface ClassificationFieldsProps {
  ticket: Pick<Ticket, 'category' | 'impact' | 'urgency' | 'priority' | 'teamId' | 'tags' | 'status'>;
  categories: readonly Category[];
  teams: readonly Team[];
  onUpdate(fields: { category?: string; impact?: Impact; urgency?: Urgency }): Promise<ActionResult>;
}

/** Category, and impact × urgency with the priority they give (ITIL's matrix, shown live). */
export function ClassificationFields({ ticket, categories, teams, onUpdate }: ClassificationFieldsProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const lang = i18n.resolvedLanguage === 'es' ? 'es' : 'en';
  const closed = ticket.status === 'closed' || ticket.status === 'cancelled';
  const team = ticket.teamId ? teams.find((tm) => tm.id === ticket.teamId) : undefined;
  const knownCategory = categories.some((c) => c.id === ticket.category);

  async function update(fields: Parameters<ClassificationFieldsProps['onUpdate']>[0]) {
    setRefusal(null);
    const result = await onUpdate(fields);
    if (!result.ok) setRefusal({ code: result.code, message: result.message });
  }

  return (
    <section className="ticket-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        {t('ticket.properties')}
      </h3>
      <Field label={t('ticket.category')}>
        {(props) => (
          <select
            {...props}
            className="select"
            value={ticket.category}
            disabled={closed}
            onChange={(e) => void update({ category: e.target.value })}
          >
            {knownCategory ? null : <option value={ticket.category}>{ticket.category}</option>}
            {categories
              .filter((c) => c.active || c.id === ticket.category)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name[lang]}
                </option>
              ))}
          </select>
        )}
      </Field>
      <ImpactUrgencyFields
        impact={ticket.impact}
        urgency={ticket.urgency}
        disabled={closed}
        onImpact={(impact) => void update({ impact })}
        onUrgency={(urgency) => void update({ urgency })}
      />
      <RefusalMessage refusal={refusal} />
      <dl className="facts">
        <dt>{t('ticket.team')}</dt>
        <dd>{team?.name ?? t('app.none')}</dd>
        {ticket.tags.length > 0 ? (
          <>
            <dt>{t('ticket.tags')}</dt>
            <dd className="tags">
              {ticket.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
