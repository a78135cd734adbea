import type { Params } from '../graph/types';
import type { Shape } from '../shapes/shape';

/**
 * The shape of the conformance harness's cases (`conformance.test.ts`): per
 * kind, params × input shapes. The harness decides from our own inference
 * whether a case should be accepted, and checks TF.js agrees. `stricter`
 * marks the few inputs we refuse on purpose although TF.js builds them, with
 * the reason; the harness checks TF.js still accepts those (so the note stays true).
 */
export interface ConformanceCase {
  readonly params?: Params;
  readonly inputs: readonly Shape[];
  readonly stricter?: string;
}

/** A batch of images of height × width × channels, the batch axis unknown. */
export const image = (h: number, w: number, c: number): Shape => [null, h, w, c];

/**
 * One kind folder's cases (`core/layers/kinds/<kind>/conformance.ts`, exported
 * as `conformanceCases`), by kind; the harness finds every folder's file.
 */
export type ConformanceCases = Readonly<Record<string, readonly ConformanceCase[]>>;
