import { useTranslation } from 'react-i18next';
import { resolutionCodeSchema, type ResolutionCode } from '../../../../shared/index';
import { Field } from '../../../ui/Field';

/** The resolution code reports group by; one list for the resolve dialog and bulk resolve. */
export function ResolutionCodeField({
  value,
  onChange,
}: {
  value: ResolutionCode;
  onChange(code: ResolutionCode): void;
}) {
  const { t } = useTranslation();
  return (
    <Field label={t('dialogs.resolve.code')}>
      {(props) => (
        <select
          {...props}
          className="select"
          value={value}
          onChange={(e) => onChange(e.target.value as ResolutionCode)}
        >
          {resolutionCodeSchema.options.map((option) => (
            <option key={option} value={option}>
              {t(`resolutionCode.${option}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
