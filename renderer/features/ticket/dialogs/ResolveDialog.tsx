import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResolutionCode, Ticket } from '../../../../shared/index';
import { refusalText } from '../../../i18n/refusals';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { RefusalMessage } from '../../../ui/RefusalMessage';
import { ticketLabel } from '../actions';
import { ResolutionCodeField } from './ResolutionCodeField';
import { useTransitionForm, type TransitionSubmit } from './use-transition-form';

interface ResolveDialogProps {
  ticket: Pick<Ticket, 'number' | 'title' | 'status' | 'assigneeId' | 'resolvedAt'>;
  onSubmit: TransitionSubmit;
  onClose(): void;
}

/** Resolving needs the note (the requester reads it) and a code (reporting groups by it). */
export function ResolveDialog({ ticket, onSubmit, onClose }: ResolveDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [code, setCode] = useState<ResolutionCode>('solved');
  const form = useTransitionForm(ticket, 'resolved', onSubmit, onClose);
  return (
    <Dialog
      title={t('dialogs.resolve.title', { ticket: ticketLabel(ticket) })}
      onClose={onClose}
      onSubmit={() => void form.submit({ resolutionNote: note, resolutionCode: code })}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={form.busy}>
            {t('dialogs.resolve.submit')}
          </button>
        </>
      }
    >
      <Field
        label={t('dialogs.resolve.note')}
        hint={t('dialogs.resolve.noteHint')}
        error={form.fieldRefusal ? refusalText(t, form.fieldRefusal, form.context) : null}
      >
        {(props) => (
          <textarea
            {...props}
            className="textarea"
            required
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <ResolutionCodeField value={code} onChange={setCode} />
      <RefusalMessage refusal={form.otherRefusal} context={form.context} />
    </Dialog>
  );
}
