import { image } from '../../conformance-case';
import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  Flatten: [
    { inputs: [image(28, 28, 1)] },
    { inputs: [[null, 10, 8]] },
    { inputs: [[null, 10]] },
    { inputs: [[null, null, 5]] },
  ],
};
