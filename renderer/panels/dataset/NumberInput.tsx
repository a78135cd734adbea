import { useId } from 'react';

import { useNumberDraft } from '../../ui/use-number-draft';

interface NumberInputProps {
  readonly label: string;
  readonly value: number;
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly disabled?: boolean;
  /** Called with a valid, changed value on Enter or blur. */
  readonly onCommit: (value: number) => void;
}

/** A number field that commits only valid values (an invalid entry is marked and reverted on blur). */
export function NumberInput({
  label,
  value,
  name,
  min,
  max,
  integer = true,
  disabled = false,
  onCommit,
}: NumberInputProps) {
  const id = useId();
  const { text, valid, setText, commit } = useNumberDraft(value, { min, max, integer }, onCommit);
  return (
    <div className="dataset-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        disabled={disabled}
        aria-invalid={!valid}
        data-option={name}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </div>
  );
}

interface ChoiceProps<T extends string> {
  readonly label: string;
  readonly name: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly disabled?: boolean;
  readonly onChange: (value: T) => void;
}

export function Choice<T extends string>({
  label,
  name,
  value,
  options,
  disabled = false,
  onChange,
}: ChoiceProps<T>) {
  const id = useId();
  return (
    <div className="dataset-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        data-option={name}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Toggle({
  label,
  name,
  checked,
  disabled = false,
  onChange,
}: {
  readonly label: string;
  readonly name: string;
  readonly checked: boolean;
  readonly disabled?: boolean;
  readonly onChange: (checked: boolean) => void;
}) {
  return (
    <label className="dataset-toggle">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        data-option={name}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}
