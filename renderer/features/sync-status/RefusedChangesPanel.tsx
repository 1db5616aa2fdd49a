import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refusedWorkOf } from '../../data/refused-work';
import { dismissRejection, listRejections, ticketById } from '../../data/ticket-queries';
import { Dialog } from '../../ui/Dialog';
import { RefusedItem } from './RefusedItem';

/** Every change the server refused, why (in the agent's words, then the server's), with a way to the ticket and back to the agent's work. */
export function RefusedChangesPanel({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [confirmingAll, setConfirmingAll] = useState(false);
  const rows = useLiveQuery(async () => {
    const rejections = await listRejections(200);
    return Promise.all(
      rejections.map(async (r) => ({
        rejection: r,
        ticket: r.ticketId ? await ticketById(r.ticketId) : undefined,
      })),
    );
  }, []);
  const holdsWork = rows?.some((r) => refusedWorkOf(r.rejection) !== null) ?? false;
  const dismissAll = async () => {
    setConfirmingAll(false);
    await Promise.all((rows ?? []).map((r) => dismissRejection(r.rejection.id)));
  };

  return (
    <Dialog
      title={t('refused.title')}
      onClose={onClose}
      size="wide"
      footer={
        <>
          {rows && rows.length > 0 && confirmingAll ? (
            <div className="refused-confirm" role="group" aria-label={t('refused.confirmTitle')}>
              <p>{t('refused.confirmDismissAll')}</p>
              <button type="button" className="btn btn-small" onClick={() => setConfirmingAll(false)}>
                {t('refused.keep')}
              </button>
              <button type="button" className="btn btn-small btn-danger" onClick={() => void dismissAll()}>
                {t('refused.deleteForGood')}
              </button>
            </div>
          ) : rows && rows.length > 0 ? (
            <button
              type="button"
              className="btn"
              onClick={() => (holdsWork ? setConfirmingAll(true) : void dismissAll())}
            >
              {t('refused.dismissAll')}
            </button>
          ) : null}
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t('app.close')}
          </button>
        </>
      }
    >
      <p className="muted">{t('refused.intro')}</p>
      {rows && rows.length === 0 ? <p>{t('refused.empty')}</p> : null}
      <ul className="plain-list refused-list" data-testid="refused-list">
        {rows?.map(({ rejection, ticket }) => (
          <RefusedItem key={rejection.id} rejection={rejection} ticket={ticket} />
        ))}
      </ul>
    </Dialog>
  );
}
