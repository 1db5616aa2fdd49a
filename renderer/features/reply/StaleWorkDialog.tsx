import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { ChangesTable } from './ChangesTable';
import type { StaleReport } from './stale-changes';

interface StaleWorkDialogProps {
  report: StaleReport;
  nameOf(agentId: string | null): string;
  onSendAnyway(): void;
  onReview(): void;
}

/** Before a reply goes out on a ticket that moved under the agent: say so and show what moved. */
export function StaleWorkDialog({ report, nameOf, onSendAnyway, onReview }: StaleWorkDialogProps) {
  const { t } = useTranslation();
  const introId = useId();
  return (
    <Dialog
      title={t('stale.title')}
      onClose={onReview}
      size="wide"
      describedBy={introId}
      footer={
        <>
          <button type="button" className="btn" onClick={onReview}>
            {t('stale.review')}
          </button>
          <button type="button" className="btn btn-primary" onClick={onSendAnyway}>
            {t('stale.sendAnyway')}
          </button>
        </>
      }
    >
      <p id={introId}>{t('stale.intro')}</p>
      <ChangesTable report={report} nameOf={nameOf} />
    </Dialog>
  );
}
