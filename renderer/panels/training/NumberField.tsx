import { useEffect, useId, useState } from 'react';

interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly name: string;
  readonly invalidText: string;
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly disabled?: boolean;
  /** Called with a valid value on Enter or blur (one undo step per edit). */
  readonly onCommit: (value: number) => void;
}

/** A number input that commits only valid values, and says so when the text is not one. */
export function NumberField({
  label,
  value,
  name,
  invalidText,
  integer = false,
  min,
  max,
  step,
  disabled = false,
  onCommit,
}: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const parsed = Number(text.trim().replace(',', '.'));
  const valid =
    text.trim() !== '' &&
    Number.isFinite(parsed) &&
    (!integer || Number.isInteger(parsed)) &&
    (min === undefined || parsed >= min) &&
    (max === undefined || parsed <= max);
  const commit = (): void => {
    if (valid && parsed !== value) onCommit(parsed);
    else if (!valid) setText(String(value));
  };
  return (
    <div className="field training-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        disabled={disabled}
        aria-invalid={!valid}
        data-setting={name}
        {...(step !== undefined ? { 'data-step': step } : {})}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(String(value));
        }}
      />
      {!valid && <p className="field-error">{invalidText}</p>}
    </div>
  );
}
