import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Impact, ResolutionCode, TicketStatus, Urgency } from '../../../shared/index';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { ImpactUrgencyFields } from '../../ui/ImpactUrgencyFields';
import { ResolutionCodeField } from '../ticket/dialogs/ResolutionCodeField';
import type { BulkAction } from './run-bulk';

interface BulkActionDialogProps {
  asking: { kind: 'classify' } | { kind: 'status'; to: TicketStatus };
  count: number;
  onApply(action: BulkAction): void;
  onClose(): void;
}

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
          <ImpactUrgencyFields
            impact={impact}
            urgency={urgency}
            onImpact={setImpact}
            onUrgency={setUrgency}
          />
        </>
      ) : (
        <>
          <Field
            label={
              asking.to === 'resolved'
                ? t('dialogs.resolve.note')
                : asking.to === 'pending'
                  ? t('dialogs.pending.reason')
                  : t('dialogs.cancel.reason')
            }
            error={blank ? t('dialogs.required') : null}
          >
            {(props) => (
              <textarea
                {...props}
                className="textarea"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          {asking.to === 'resolved' ? <ResolutionCodeField value={code} onChange={setCode} /> : null}
        </>
      )}
    </Dialog>
  );
}
