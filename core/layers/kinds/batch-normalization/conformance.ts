import { image } from '../../conformance-case';
import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  BatchNormalization: [
    { inputs: [[null, 10]] },
    { params: { momentum: 0.9, epsilon: 1e-5 }, inputs: [image(8, 8, 16)] },
    { inputs: [[null]] },
  ],
};
