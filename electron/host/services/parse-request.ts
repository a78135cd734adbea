import {
  checkRequest,
  forbiddenKeyProblem,
  type HostMethodName,
  type HostRequest,
} from '../../../core/contract/request-schemas';
import { HostFailure } from './host-error';

/**
 * The contract's request checks (core/contract/request-schemas.ts) as the
 * services use them: a refused request throws `HostFailure('invalid-argument')`,
 * which `settle()` answers as a `HostResult`.
 */

/** Validates a raw request; throws `invalid-argument` with the first problem named. */
export function parseRequest<M extends HostMethodName>(method: M, raw: unknown): HostRequest<M> {
  const checked = checkRequest(method, raw);
  if (!checked.ok) throw new HostFailure(checked.error.code, checked.error.message);
  return checked.value;
}

/** Refuses `__proto__`/`constructor`/`prototype` keys at any depth, and over-deep or over-long values. */
export function assertNoForbiddenKeys(value: unknown): void {
  const problem = forbiddenKeyProblem(value);
  if (problem !== null) throw new HostFailure('invalid-argument', problem);
}
