import type { Diagnostic } from '../validate/diagnostic';

/**
 * Stable codes of compile failures.
 * - `graph-has-errors`: validation found a blocking problem (`diagnostic` says which).
 * - `unknown-layer-kind`: a node's kind is not in the catalog (a newer project file).
 * - `no-input` / `no-output`: nothing to feed or nothing to predict.
 * - `tfjs-rejected`: TF.js refused the layer graph (a bug in shape inference if validation passed).
 */
export type CompileErrorCode =
  'graph-has-errors' | 'unknown-layer-kind' | 'no-input' | 'no-output' | 'tfjs-rejected';

/** Compiling a graph failed; `code` is stable, `message` is English for logs. */
export class CompileError extends Error {
  readonly code: CompileErrorCode;
  readonly diagnostic: Diagnostic | null;
  readonly nodeName: string | null;

  constructor(
    code: CompileErrorCode,
    message: string,
    details: { diagnostic?: Diagnostic; nodeName?: string } = {},
  ) {
    super(message);
    // Keeps `instanceof` working when compiled to ES5-style classes (TF.js errors.ts does the same).
    Object.setPrototypeOf(this, CompileError.prototype);
    this.name = 'CompileError';
    this.code = code;
    this.diagnostic = details.diagnostic ?? null;
    this.nodeName = details.nodeName ?? null;
  }
}
