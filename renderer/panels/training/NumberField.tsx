import { useId } from 'react';

import { useNumberDraft } from '../../ui/use-number-draft';

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
  const { text, valid, setText, commit, revert } = useNumberDraft(
    value,
    { min, max, integer },
    onCommit,
  );
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
          if (e.key === 'Escape') revert();
        }}
      />
      {!valid && <p className="field-error">{invalidText}</p>}
    </div>
  );
}
