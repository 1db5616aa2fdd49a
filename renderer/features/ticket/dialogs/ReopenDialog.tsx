import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../shared/index';
import { Dialog } from '../../../ui/Dialog';
import { RefusalMessage } from '../../../ui/RefusalMessage';
import { ticketLabel } from '../actions';
import { useTransitionForm, type TransitionSubmit } from './use-transition-form';

interface ReopenDialogProps {
  ticket: Pick<Ticket, 'number' | 'title' | 'status' | 'assigneeId' | 'resolvedAt'>;
  onSubmit: TransitionSubmit;
  onClose(): void;
}

/** Reopen is resolved → in progress, allowed for 7 days; past that the rule's refusal says why. */
export function ReopenDialog({ ticket, onSubmit, onClose }: ReopenDialogProps) {
  const { t } = useTranslation();
  const form = useTransitionForm(ticket, 'in_progress', onSubmit, onClose);
  return (
    <Dialog
      title={t('dialogs.reopen.title', { ticket: ticketLabel(ticket) })}
      onClose={onClose}
      onSubmit={() => void form.submit({})}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={form.busy}>
            {t('dialogs.reopen.submit')}
          </button>
        </>
      }
    >
      <p>{t('dialogs.reopen.body')}</p>
      <RefusalMessage refusal={form.otherRefusal ?? form.fieldRefusal} context={form.context} />
    </Dialog>
  );
}
