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
          <DateField
            label={t('reports.period.from')}
            value={period.from}
            onChange={(from) => change({ ...period, from })}
          />
          <DateField
            label={t('reports.period.to')}
            value={period.to}
            onChange={(to) => change({ ...period, to })}
          />
        </>
      ) : null}
    </div>
  );
}

function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
}) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        className="input select-small"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    </div>
  );
}
