import { useEffect, useState } from 'react';

export interface NumberBounds {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly integer?: boolean | undefined;
}

/**
 * The editing state of a number field that commits only valid values: the
 * text being typed, whether it is a valid number within bounds, and `commit`
 * (on Enter or blur) that reports a changed valid value or reverts an invalid
 * one. Accepts a decimal comma, as many users type it.
 */
export function useNumberDraft(
  value: number,
  bounds: NumberBounds,
  onCommit: (value: number) => void,
): {
  readonly text: string;
  readonly valid: boolean;
  setText(text: string): void;
  commit(): void;
  revert(): void;
} {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const parsed = Number(text.trim().replace(',', '.'));
  const valid =
    text.trim() !== '' &&
    Number.isFinite(parsed) &&
    (bounds.integer !== true || Number.isInteger(parsed)) &&
    (bounds.min === undefined || parsed >= bounds.min) &&
    (bounds.max === undefined || parsed <= bounds.max);
  const revert = (): void => setText(String(value));
  const commit = (): void => {
    if (valid && parsed !== value) onCommit(parsed);
    else if (!valid) revert();
  };
  return { text, valid, setText, commit, revert };
}
