import { image } from '../../conformance-case';
import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  Reshape: [
    { params: { targetShape: [28, 28, 1] }, inputs: [[null, 784]] },
    { params: { targetShape: [512] }, inputs: [image(4, 4, 32)] },
    { params: { targetShape: [27, 28, 1] }, inputs: [[null, 784]] },
  ],
};
