import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_PRESETS, reportPeriodChoiceSchema, type ReportPreset } from '../../../shared/reports/index';
import { useReportStore } from './report-store';

/** Last 7/30/90 days, this or last month, or two dates (both included) in the agent's time zone. */
export function PeriodPicker() {
  const { t } = useTranslation();
  const period = useReportStore((s) => s.period);
  const setPeriod = useReportStore((s) => s.setPeriod);
  const presetId = useId();
  const fromId = useId();
  const toId = useId();
  const change = (next: unknown) => {
    const parsed = reportPeriodChoiceSchema.safeParse(next);
    if (parsed.success) setPeriod(parsed.data);
  };
  return (
    <div className="report-period">
      <div className="filter">
        <label htmlFor={presetId}>{t('reports.period.label')}</label>
        <select
          id={presetId}
          className="select select-small"
          value={period.preset}
          onChange={(e) => change({ ...period, preset: e.target.value as ReportPreset })}
        >
          {REPORT_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(`reports.period.${preset}`)}
            </option>
          ))}
        </select>
      </div>
      {period.preset === 'custom' ? (
        <>
          <div className="filter">
            <label htmlFor={fromId}>{t('reports.period.from')}</label>
            <input
              id={fromId}
              type="date"
              className="input select-small"
              value={period.from ?? ''}
              onChange={(e) => change({ ...period, from: e.target.value || undefined })}
            />
          </div>
          <div className="filter">
            <label htmlFor={toId}>{t('reports.period.to')}</label>
            <input
              id={toId}
              type="date"
              className="input select-small"
              value={period.to ?? ''}
              onChange={(e) => change({ ...period, to: e.target.value || undefined })}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}
