import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Macro } from '../../../shared/index';

interface MacroPickerProps {
  macros: readonly Macro[];
  onPick(macro: Macro): void;
  disabled?: boolean;
}

/** A plain select: keyboard and screen readers get it for free; choosing inserts at once. */
export function MacroPicker({ macros, onPick, disabled }: MacroPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="macro-picker">
      <label htmlFor={id} className="visually-hidden">
        {t('reply.insertMacro')}
      </label>
      <select
        id={id}
        className="select"
        value=""
        disabled={disabled || macros.length === 0}
        onChange={(e) => {
          const macro = macros.find((m) => m.id === e.target.value);
          if (macro) onPick(macro);
        }}
      >
        <option value="">{macros.length === 0 ? t('reply.noMacros') : t('reply.insertMacro')}</option>
        {macros.map((macro) => (
          <option key={macro.id} value={macro.id}>
            {macro.name}
          </option>
        ))}
      </select>
    </div>
  );
}
