/** Stable codes of inspection failures; the UI words them (i18n namespace `inspect`). */
export type InspectErrorCode =
  /** The sample's size does not match the model input (e.g. a 32×32 image for a 28×28 model). */
  | 'sample-shape-mismatch'
  /** No layer of that name in the model (the graph changed since the model was compiled). */
  | 'unknown-layer'
  /** The unit index is outside the layer's output. */
  | 'unit-out-of-range'
  /** The layer has no kernel to show (not a convolution). */
  | 'not-a-convolution'
  /** The layer has no activation whose input could be measured. */
  | 'no-activation'
  /** TF.js cannot differentiate through a layer on the path (dilated convolutions). */
  | 'gradient-unsupported'
  /** The evaluation data has no samples, or labels outside the class range. */
  | 'bad-evaluation-data'
  /** The model has more than one input or output; inspection handles single-input, single-output models. */
  | 'unsupported-model'
  /** The gate view needs an LSTM or GRU layer (with activations it can compute, GRU without resetAfter). */
  | 'not-recurrent'
  /** Word vectors come from an Embedding layer only. */
  | 'not-an-embedding';

/**
 * A failure of an inspection request. Thrown by core/inspect functions and
 * turned into `{ok: false, error: {code, message}}` by the worker glue, so
 * the UI can say what went wrong instead of crashing.
 */
export class InspectError extends Error {
  readonly code: InspectErrorCode;
  constructor(code: InspectErrorCode, message: string) {
    super(message);
    this.name = 'InspectError';
    this.code = code;
    // Keeps `instanceof` working when compiled to ES5-style classes (see TF.js errors.ts).
    Object.setPrototypeOf(this, InspectError.prototype);
  }
}
