/**
 * Why a package or a submission could not be opened. Each code has a message
 * in both languages in `pack-messages.ts`; `args` fill its placeholders.
 */
export type PackErrorCode =
  | 'pack-too-large'
  | 'pack-not-zip'
  | 'pack-truncated'
  | 'pack-corrupt'
  | 'pack-zip64'
  | 'pack-encrypted'
  | 'pack-unsupported-compression'
  | 'pack-too-many-files'
  | 'pack-unsafe-path'
  | 'pack-duplicate-path'
  | 'pack-symlink'
  | 'pack-zip-bomb'
  | 'pack-no-manifest'
  | 'pack-not-json'
  | 'pack-wrong-format'
  | 'pack-future-version'
  | 'pack-invalid'
  | 'pack-missing-file'
  | 'pack-bad-step-file'
  | 'pack-dataset-too-large'
  | 'pack-dataset-no-licence'
  | 'pack-bad-image'
  | 'submission-too-large'
  | 'submission-not-json'
  | 'submission-wrong-format'
  | 'submission-future-version'
  | 'submission-invalid'
  | 'submission-other-pack';

export interface PackError {
  readonly code: PackErrorCode;
  readonly args: Readonly<Record<string, string | number>>;
  /** English, for logs; the UI words errors by `code`. */
  readonly message: string;
}

export function packError(
  code: PackErrorCode,
  message: string,
  args: Readonly<Record<string, string | number>> = {},
): PackError {
  return { code, args, message };
}
