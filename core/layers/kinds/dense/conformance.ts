import { image } from '../../conformance-case';
import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  Dense: [
    { params: { units: 128 }, inputs: [[null, 784]] },
    { params: { units: 2, useBias: false, activation: 'sigmoid' }, inputs: [[null, 3]] },
    { params: { units: 4, activation: 'softmax' }, inputs: [[null, 10, 8]] },
    { params: { units: 10 }, inputs: [image(6, 6, 1)] },
    { params: { units: 5 }, inputs: [[null]] },
    { params: { units: 5 }, inputs: [[null, null]] },
  ],
};
