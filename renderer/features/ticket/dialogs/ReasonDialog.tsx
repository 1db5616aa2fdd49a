import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/index';
import { refusalText } from '../../../i18n/refusals';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { RefusalMessage } from '../../../ui/RefusalMessage';
import { ticketLabel } from '../actions';
import { useTransitionForm, type TransitionSubmit } from './use-transition-form';

interface ReasonDialogProps {
  /** Pending pauses the resolution clock; cancelled ends the ticket. Both need a reason. */
  to: 'pending' | 'cancelled';
  ticket: Pick<Ticket, 'number' | 'title' | 'status' | 'assigneeId' | 'resolvedAt'>;
  onSubmit: TransitionSubmit;
  onClose(): void;
}

/** The pending and cancel dialogs: one required reason, refused next to its field when blank. */
export function ReasonDialog({ to, ticket, onSubmit, onClose }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const form = useTransitionForm(ticket, to, onSubmit, onClose);
  const keys = to === 'pending' ? 'dialogs.pending' : 'dialogs.cancel';
  const input = to === 'pending' ? { pendingReason: reason } : { cancelReason: reason };
  return (
    <Dialog
      title={t(`${keys}.title`, { ticket: ticketLabel(ticket) })}
      onClose={onClose}
      onSubmit={() => void form.submit(input)}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button
            type="submit"
            className={`btn ${to === 'cancelled' ? 'btn-danger' : 'btn-primary'}`}
            disabled={form.busy}
          >
            {t(`${keys}.submit`)}
          </button>
        </>
      }
    >
      <Field
        label={t(`${keys}.reason`)}
        hint={t(`${keys}.reasonHint`)}
        error={form.fieldRefusal ? refusalText(t, form.fieldRefusal, form.context) : null}
      >
        {(props) => (
          <textarea
            {...props}
            className="textarea"
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <RefusalMessage refusal={form.otherRefusal} context={form.context} />
    </Dialog>
  );
}
