import type { HostError, HostErrorCode, HostResult } from '../../../core/contract/host';

/**
 * A refusal or failure with a stable code. Services throw it internally;
 * `settle()` turns it into a `HostResult` before anything crosses a transport.
 */
export class HostFailure extends Error {
  readonly code: HostErrorCode;
  readonly subject: string | undefined;

  constructor(code: HostErrorCode, message: string, subject?: string) {
    super(message);
    this.name = 'HostFailure';
    this.code = code;
    this.subject = subject;
  }
}

/** Node errno codes → what the user is told (worded by code in the UI). */
const codeByErrno: Readonly<Record<string, HostErrorCode>> = {
  ENOENT: 'not-found',
  ENOTDIR: 'not-found',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  EROFS: 'permission-denied',
  EBUSY: 'io-error',
  ENOSPC: 'no-space',
  EDQUOT: 'no-space',
  EEXIST: 'already-exists',
  ENOTEMPTY: 'already-exists',
  EFBIG: 'too-large',
  ENAMETOOLONG: 'invalid-argument',
  EISDIR: 'invalid-argument',
};

/** Converts anything thrown into a `HostError` without leaking stack traces. */
export function toHostError(error: unknown, subject?: string): HostError {
  if (error instanceof HostFailure) {
    const s = error.subject ?? subject;
    return s === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, subject: s };
  }
  const errno =
    typeof error === 'object' && error !== null && 'code' in error
      ? String((error as { code: unknown }).code)
      : '';
  const code = codeByErrno[errno] ?? 'io-error';
  const detail = error instanceof Error ? error.message : String(error);
  const message = errno ? `${errno}: ${detail}` : detail;
  return subject === undefined ? { code, message } : { code, message, subject };
}

/** Runs `work` and wraps its value or failure in a `HostResult`; never rejects. */
export async function settle<T>(work: () => Promise<T> | T): Promise<HostResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toHostError(error) };
  }
}

/** The errno code of a Node error, or undefined. */
export function errnoOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
