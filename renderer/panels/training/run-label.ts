import type { TFunction } from 'i18next';

/**
 * A run's stored label is "N · HH:MM" (its number and start time, kept in saved
 * projects as written). Shown through the catalog so each language orders the
 * parts itself: "Run 2 · 16:23", "第 2 次 · 16:23". A label of another shape
 * (older files) is shown as it is.
 */
export function runLabelText(t: TFunction, label: string): string {
  const parts = /^(\d+) · (\d{1,2}:\d{2})$/.exec(label);
  if (parts === null) return t('training:charts.run', { label });
  return t('training:charts.runNumbered', { number: parts[1], time: parts[2] });
}
