/**
 * Why a model import was refused. Codes are stable (tests and help links use
 * them); `message` is English for logs and names the culprit (layer, weight,
 * file); the UI words the error by `code` and shows `subject`.
 */
export type ImportErrorCode =
  | 'import-no-model-json'
  | 'import-bad-json'
  | 'import-bad-topology'
  | 'import-unknown-layer'
  | 'import-unsupported-config'
  | 'import-bad-manifest'
  | 'import-unsafe-path'
  | 'import-missing-shard'
  | 'import-weights-short'
  | 'import-weights-long'
  | 'import-weights-too-large'
  | 'import-weight-dtype'
  | 'import-weights-non-finite'
  | 'import-weights-mismatch';

export interface ImportError {
  readonly code: ImportErrorCode;
  readonly message: string;
  /** The layer, weight or file concerned, shown to the user as is. */
  readonly subject?: string;
}

/** Builds an `ImportError`, leaving out `subject` when there is none (exactOptionalPropertyTypes). */
export function importError(code: ImportErrorCode, message: string, subject?: string): ImportError {
  return subject === undefined ? { code, message } : { code, message, subject };
}
