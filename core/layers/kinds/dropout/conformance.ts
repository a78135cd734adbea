import { image } from '../../conformance-case';
import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  Dropout: [
    { params: { rate: 0.5 }, inputs: [[null, 10]] },
    { params: { rate: 0.2, seed: 1 }, inputs: [image(5, 5, 3)] },
  ],
};
