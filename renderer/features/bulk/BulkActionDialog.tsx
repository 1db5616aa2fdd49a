import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { priorityOf, resolutionCodeSchema, type Impact, type ResolutionCode, type TicketStatus, type Urgency } from '../../../shared/index';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { PriorityBadge } from '../../ui/badges';
import type { BulkAction } from './run-bulk';

interface BulkActionDialogProps {
  asking: { kind: 'classify' } | { kind: 'status'; to: TicketStatus };
  count: number;
  onApply(action: BulkAction): void;
  onClose(): void;
}

const LEVELS = [1, 2, 3] as const;

/** The few words a bulk action needs: impact and urgency, or the reason/note of a status. */
export function BulkActionDialog({ asking, count, onApply, onClose }: BulkActionDialogProps) {
  const { t } = useTranslation();
  const [impact, setImpact] = useState<Impact>(2);
  const [urgency, setUrgency] = useState<Urgency>(2);
  const [reason, setReason] = useState('');
  const [code, setCode] = useState<ResolutionCode>('solved');
  const [blank, setBlank] = useState(false);
  const title = `${asking.kind === 'classify' ? t('bulk.setImpactUrgency') : t(`status.${asking.to}`)} · ${t('bulk.selected', { count })}`;

  function apply() {
    if (asking.kind === 'classify') return onApply({ kind: 'classify', impact, urgency });
    if (!reason.trim()) return setBlank(true);
    onApply({ kind: 'status', to: asking.to, reason, resolutionCode: code });
  }

  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={apply}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('bulk.apply')}
          </button>
        </>
      }
    >
      {asking.kind === 'classify' ? (
        <>
          <Field label={t('impact.label')}>
            {(props) => (
              <select {...props} className="select" value={impact} onChange={(e) => setImpact(Number(e.target.value) as Impact)}>
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
              <select {...props} className="select" value={urgency} onChange={(e) => setUrgency(Number(e.target.value) as Urgency)}>
                {LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`urgency.v${level}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p className="priority-result">
            <span className="muted">{t('ticket.priorityFromMatrix')}</span>
            <PriorityBadge priority={priorityOf(impact, urgency)} />
          </p>
        </>
      ) : (
        <>
          <Field
            label={asking.to === 'resolved' ? t('dialogs.resolve.note') : asking.to === 'pending' ? t('dialogs.pending.reason') : t('dialogs.cancel.reason')}
            error={blank ? t('dialogs.required') : null}
          >
            {(props) => <textarea {...props} className="textarea" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          {asking.to === 'resolved' ? (
            <Field label={t('dialogs.resolve.code')}>
              {(props) => (
                <select {...props} className="select" value={code} onChange={(e) => setCode(e.target.value as ResolutionCode)}>
                  {resolutionCodeSchema.options.map((option) => (
                    <option key={option} value={option}>
                      {t(`resolutionCode.${option}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </>
      )}
    </Dialog>
  );
}
