import { useTranslation } from 'react-i18next';
import { refusalText } from '../../i18n/refusals';
import { Dialog } from '../../ui/Dialog';
import type { BulkOutcome } from './run-bulk';

interface BulkResultDialogProps {
  outcome: BulkOutcome;
  onOpenTicket(ticketId: string): void;
  onClose(): void;
}

/** What a bulk action did: how many tickets took it, and each refused ticket with its reason. */
export function BulkResultDialog({ outcome, onOpenTicket, onClose }: BulkResultDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('bulk.resultTitle')}
      onClose={onClose}
      size="wide"
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          {t('app.close')}
        </button>
      }
    >
      <p role="status">{t('bulk.applied', { count: outcome.applied.length })}</p>
      {outcome.refused.length > 0 ? (
        <>
          <p>{t('bulk.refused', { count: outcome.refused.length })}</p>
          <ul className="plain-list refused-list" data-testid="bulk-refused">
            {outcome.refused.map((item) => (
              <li key={item.ticketId} className="refused-item" data-code={item.refusal.code}>
                <button
                  type="button"
                  className="link-button mono"
                  onClick={() => onOpenTicket(item.ticketId)}
                >
                  {item.label}
                </button>
                <span>{refusalText(t, item.refusal, { from: item.from, to: item.to })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Dialog>
  );
}
