import { image } from '../../conformance-case';
import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  Conv2D: [
    { inputs: [image(28, 28, 1)] },
    { params: { filters: 16, kernelSize: [5, 5] }, inputs: [image(28, 28, 1)] },
    { params: { filters: 8, strides: [2, 2], padding: 'same' }, inputs: [image(28, 28, 3)] },
    { params: { filters: 4, dilationRate: [2, 2] }, inputs: [image(16, 16, 3)] },
    {
      params: { filters: 6, kernelSize: [3, 5], strides: [1, 2], useBias: false },
      inputs: [image(20, 30, 2)],
    },
    { params: { filters: 4 }, inputs: [[null, 784]] },
    { params: { filters: 4 }, inputs: [[null, 10, 8]] },
    { params: { filters: 4, strides: [2, 2], dilationRate: [2, 2] }, inputs: [image(16, 16, 3)] },
    {
      params: { filters: 4, kernelSize: [5, 5] },
      inputs: [image(3, 3, 1)],
      stricter: 'TF.js builds a negative output size symbolically',
    },
    { params: { filters: 4 }, inputs: [[null, 28, 28, null]] },
  ],
};
