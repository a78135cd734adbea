/** Stable codes of engine failures. */
export type EngineErrorCode = 'engine-unsupported' | 'engine-unavailable';

/**
 * A failure of LayerLab's wasm engine. `engine-unsupported`: the model needs a
 * layer or setting the engine lacks (train with TF.js); `engine-unavailable`:
 * this runtime has no wasm SIMD or the kernel build is missing.
 */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
    Object.setPrototypeOf(this, EngineError.prototype); // instanceof across transpiled class boundaries
  }
}
