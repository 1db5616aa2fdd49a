import { useTranslation } from 'react-i18next';
import { fieldName, valueText } from '../ticket/audit-text';
import type { StaleReport } from './stale-changes';

/** "What changed": one row per field, before and now, in the agent's words. */
export function ChangesTable({
  report,
  nameOf,
}: {
  report: StaleReport;
  nameOf(agentId: string | null): string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {report.changes.length > 0 ? (
        <table className="changes-table">
          <thead>
            <tr>
              <th scope="col">{t('stale.field')}</th>
              <th scope="col">{t('stale.before')}</th>
              <th scope="col">{t('stale.after')}</th>
            </tr>
          </thead>
          <tbody>
            {report.changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{fieldName(t, change.field)}</th>
                <td>{valueText(t, change.field, change.before, nameOf)}</td>
                <td>{valueText(t, change.field, change.after, nameOf)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.newComments > 0 ? <p>{t('stale.newComments', { count: report.newComments })}</p> : null}
    </>
  );
}
