import { describe, expect, it } from 'vitest';

import { gruSignals, lstmSignals } from '@core';

import en from '../i18n/locales/en/inspect.json';
import zh from '../i18n/locales/zh-CN/inspect.json';
import { flattenCatalog, type Catalog } from '../i18n/resources';
import type { InspectFailureCode } from '../workers/inspect-protocol';

/**
 * The `inspect` namespace: every key the panel uses exists in zh-CN and en,
 * including keys built from codes (errors, tabs, receptive-field gaps).
 */
const sources = import.meta.glob(['./**/*.tsx'], {
  eager: true,
  query: '?raw',
  import: 'default',
}) as Record<string, string>;
const strip = (k: string): string => k.replace(/_(one|other)$/, '');

/**
 * Every failure code the worker can send (type-checked: a new code in core's
 * `InspectErrorCode` or the worker's own fails the type-check until it is
 * listed here, and then this test until both catalogs word it).
 */
const failureCodes = {
  'no-model': true,
  'no-dataset': true,
  'no-test-set': true,
  'sample-out-of-range': true,
  'sample-shape-mismatch': true,
  'unknown-layer': true,
  'unit-out-of-range': true,
  'not-a-convolution': true,
  'no-activation': true,
  'gradient-unsupported': true,
  'bad-evaluation-data': true,
  'unsupported-model': true,
  'not-recurrent': true,
  'not-an-embedding': true,
  internal: true,
} as const satisfies Record<InspectFailureCode, true>;

function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const text of Object.values(sources))
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) keys.add(m[1] as string);
  return keys;
}

const built = [
  ...['maps', 'filters', 'evaluation', 'predict', 'activations', 'sequence'].map(
    (t) => `tabs.${t}`,
  ),
  // The gate view names each signal and writes its formula, per cell kind.
  ...lstmSignals.flatMap((s) => [`gates.signal.${s}`, `gates.formula.LSTM.${s}`]),
  ...gruSignals.flatMap((s) => [`gates.signal.${s}`, `gates.formula.GRU.${s}`]),
  ...['no-spatial-input', 'unsupported-layer', 'mixed-paths', 'unknown-shape'].map(
    (g) => `field.gap.${g}`,
  ),
  ...Object.keys(failureCodes).map((c) => `errors.${c}`),
  'eval.saliencyLegend',
  'eval.saliencyLegendLogit',
];

describe.each([
  ['en', en],
  ['zh-CN', zh],
] as const)('inspect catalog %s', (_lng, catalog) => {
  const keys = new Set(flattenCatalog(catalog as Catalog).map(strip));
  it('has every key used in renderer/inspect and every key built from a code', () => {
    const missing = [...usedKeys(), ...built].filter((k) => !keys.has(k));
    expect(usedKeys().size).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  });
});

describe('inspect catalogs', () => {
  it('have the same keys in zh-CN and en', () => {
    // English has `_one` and `_other` where Chinese has only `_other`: compare base keys.
    const keys = (catalog: Catalog): string[] =>
      [...new Set(flattenCatalog(catalog).map(strip))].sort();
    expect(keys(zh as Catalog)).toEqual(keys(en as Catalog));
  });
});
