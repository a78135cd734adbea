import type { TFunction } from 'i18next';

import type { HostError } from '@core';
import type { WorkerFailure } from './export-protocol';

/** A probability difference as people read it: `0`, `3.2e-7`, `0.0123`. */
export function formatDifference(diff: number): string {
  if (diff === 0) return '0';
  if (!Number.isFinite(diff)) return '∞';
  return diff < 1e-3 ? diff.toExponential(1) : diff.toFixed(4);
}

const knownCodes = new Set([
  'export-labels-mismatch',
  'export-invalid-model',
  'export-several-outputs',
  'export-graph-invalid',
  'export-failed',
  'export-model-unreadable',
  'import-no-model-json',
  'import-bad-json',
  'import-bad-topology',
  'import-unknown-layer',
  'import-unsupported-config',
  'import-bad-manifest',
  'import-unsafe-path',
  'import-missing-shard',
  'import-weights-short',
  'import-weights-long',
  'import-weights-too-large',
  'import-weight-dtype',
  'import-weights-non-finite',
  'import-weights-mismatch',
]);

/** An export/import failure worded by its code; the English detail is kept as the `detail` value. */
export function failureText(t: TFunction, error: WorkerFailure): string {
  const code = knownCodes.has(error.code) ? error.code : 'export-failed';
  return t(`export:errors.${code}`, { detail: error.message, subject: error.subject ?? '' });
}

const hostCodes = new Set(['already-exists', 'permission-denied', 'no-space', 'invalid-argument']);

/** A host write failure worded by its code. */
export function hostFailureText(t: TFunction, error: HostError): string {
  const code = hostCodes.has(error.code) ? error.code : 'other';
  return t(`export:errors.host.${code}`, { detail: error.subject ?? error.message });
}
