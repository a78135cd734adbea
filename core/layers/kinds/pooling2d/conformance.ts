import { image } from '../../conformance-case';
import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  MaxPooling2D: [
    { inputs: [image(28, 28, 16)] },
    { params: { poolSize: [3, 3], strides: [1, 1], padding: 'same' }, inputs: [image(9, 9, 2)] },
    { inputs: [image(7, 7, 3)] },
    { params: { poolSize: [3, 2], strides: [1, 2] }, inputs: [image(10, 10, 4)] },
    { inputs: [[null, 10]] },
    {
      params: { poolSize: [2, 2] },
      inputs: [image(1, 1, 3)],
      stricter: 'TF.js builds a zero-size output',
    },
  ],
  AveragePooling2D: [
    { inputs: [image(28, 28, 16)] },
    { params: { poolSize: [3, 3], strides: [2, 2], padding: 'same' }, inputs: [image(9, 9, 2)] },
    { inputs: [[null, 10, 3]] },
  ],
};
