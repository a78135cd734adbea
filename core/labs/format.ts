/**
 * Number formatting for lab displays and answer keys. Rounding is for display
 * only: the labs always compute with the exact values.
 */

/**
 * `v` rounded to `decimals` places, without a "-0" (a handout never prints −0.000).
 * @example formatNumber(0.123456, 4) // "0.1235"
 */
export function formatNumber(v: number, decimals: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  const d = Math.max(0, Math.min(12, Math.round(decimals)));
  const s = v.toFixed(d);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Like `formatNumber`, wrapped in parentheses when negative, for use inside a product. */
export function formatFactor(v: number, decimals: number): string {
  const s = formatNumber(v, decimals);
  return s.startsWith('-') ? `(${s})` : s;
}
