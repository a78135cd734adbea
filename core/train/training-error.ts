/**
 * Stable codes of training failures.
 * - `non-finite-loss`: the loss became NaN or ±Infinity (learning rate too high, inputs not normalised).
 * - `empty-dataset`: no training samples after the split.
 * - `label-mismatch`: the dataset's class count does not fit the output layer.
 * - `backend-lost`: the compute backend died (lost WebGL context) and could not be restored.
 * - `missing-boxes`: an output head learns boxes but the dataset has none.
 */
export type TrainingErrorCode =
  'non-finite-loss' | 'empty-dataset' | 'label-mismatch' | 'backend-lost' | 'missing-boxes';

/** A training run failed; `code` is stable, `message` is English for logs (the UI words it by code). */
export class TrainingError extends Error {
  readonly code: TrainingErrorCode;
  /** 0-based epoch and batch where it happened, when known. */
  readonly epoch: number | null;
  readonly batch: number | null;

  constructor(
    code: TrainingErrorCode,
    message: string,
    at: { epoch?: number; batch?: number } = {},
  ) {
    super(message);
    Object.setPrototypeOf(this, TrainingError.prototype);
    this.name = 'TrainingError';
    this.code = code;
    this.epoch = at.epoch ?? null;
    this.batch = at.batch ?? null;
  }
}

/** The message for a non-finite loss: what happened and what to try. */
export function nonFiniteLossMessage(loss: number, epoch: number, batch: number): string {
  return (
    `The loss became ${String(loss)} in epoch ${epoch + 1}, batch ${batch + 1}: training diverged. ` +
    'Try a lower learning rate (e.g. divide it by 10), and check that the inputs are normalised (pixels scaled to 0–1).'
  );
}
