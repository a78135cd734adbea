import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useFieldLocked } from './lab-mode';

/** Parses what a student types: accepts "0,5" (decimal comma) and the Unicode minus. */
export function parseTypedNumber(text: string): number | null {
  const t = text.trim().replace(',', '.').replace('−', '-');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

export interface NumberInputProps {
  readonly value: number;
  readonly onChange: (value: number) => void;
  readonly testId?: string;
  readonly label?: string;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly className?: string;
  /** The lab-state field it edits: read-only with 🔒 when a lab package locked it. */
  readonly field?: string;
}

/**
 * A number field that keeps the typed text while it is incomplete ("-", "0.")
 * and only reports finite numbers in range; an invalid entry is outlined, never
 * silently replaced.
 */
export function NumberInput({
  value,
  onChange,
  testId,
  label,
  min,
  max,
  integer,
  className,
  field,
}: NumberInputProps) {
  const { t } = useTranslation('labs');
  const locked = useFieldLocked(...(field === undefined ? [] : [field]));
  const [text, setText] = useState(String(value));
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    // Follow outside changes (seeded random, reset) unless the text already means this value.
    setText((current) => (parseTypedNumber(current) === value ? current : String(value)));
    setInvalid(false);
  }, [value]);

  if (locked)
    return (
      <span className="lab-locked-number" title={t('lock.tooltip')}>
        <span className="lab-lock-mark" aria-hidden="true">
          🔒
        </span>
        <input
          className={`lab-number lab-locked${className ? ` ${className}` : ''}`}
          aria-label={label === undefined ? t('lock.tooltip') : `${label} (${t('lock.tooltip')})`}
          data-testid={testId}
          data-locked="true"
          value={String(value)}
          readOnly
        />
      </span>
    );

  return (
    <input
      className={`lab-number${invalid ? ' lab-invalid' : ''}${className ? ` ${className}` : ''}`}
      inputMode="decimal"
      aria-label={label}
      aria-invalid={invalid}
      data-testid={testId}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const v = parseTypedNumber(e.target.value);
        const ok =
          v !== null &&
          (min === undefined || v >= min) &&
          (max === undefined || v <= max) &&
          (!integer || Number.isInteger(v));
        setInvalid(!ok);
        if (ok) onChange(v);
      }}
    />
  );
}
