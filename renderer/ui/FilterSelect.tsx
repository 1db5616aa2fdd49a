import { useId, type ReactNode } from 'react';

interface FilterSelectProps {
  label: string;
  value: string | number;
  onChange(value: string): void;
  children: ReactNode;
  /**
   * The "any" option offered first and the value that stands for it; the filter shows as
   * on whenever another value is picked. Null for a select that always holds a choice (a sort).
   */
  any: { value: string; label: string } | null;
}

/** A labelled filter select, compact and keyboard-native, shared by the queue's and the reports' filter bars. */
export function FilterSelect({ label, value, onChange, children, any }: FilterSelectProps) {
  const id = useId();
  const on = any !== null && String(value) !== any.value;
  return (
    <div className={`filter ${on ? 'filter-on' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="select select-small"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {any ? <option value={any.value}>{any.label}</option> : null}
        {children}
      </select>
    </div>
  );
}
