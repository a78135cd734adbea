import type { LayerSpec, Locale } from '@core';

/** Normalises text for matching: lower case, no spaces (so "conv 2d" finds Conv2D). */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/** True when the query matches the kind (`Conv2D`) or its label in either language. */
export function matchesLayer(spec: LayerSpec, query: string, locale: Locale): boolean {
  const q = normalise(query);
  if (q === '') return true;
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  return [spec.kind, spec.label[locale], spec.label[other]].some((text) =>
    normalise(text).includes(q),
  );
}
