import type { ParamSpec, ParamValue } from '@core';

/**
 * Text ⇄ value for the inspector's typed fields. Parsing is deliberately
 * lenient about form (spaces, `×`, full-width commas) and strict about
 * meaning: anything that is not a number stays a string, so `validateParam`
 * can say what is wrong with it beside the field.
 */
export function paramToText(value: ParamValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function parseNumber(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const n = Number(trimmed);
  return Number.isNaN(n) ? trimmed : n;
}

/** Parses typed text into a param value of the spec's type (or leaves it as text to be refused). */
export function textToParam(spec: ParamSpec, text: string): ParamValue {
  const trimmed = text.trim();
  if (trimmed === '' && spec.nullable) return null;
  if (spec.type === 'int' || spec.type === 'float') return parseNumber(trimmed);
  if (spec.type === 'intList') {
    if (trimmed === '') return [];
    const parts = trimmed.split(/[\s,，×x*]+/).filter((p) => p !== '');
    const values = parts.map(parseNumber);
    return values.every((v) => typeof v === 'number') ? (values as number[]) : trimmed;
  }
  return trimmed;
}
