import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  Conv1D: [
    { inputs: [[null, 50, 16]] },
    { params: { filters: 8, kernelSize: [5] }, inputs: [[null, 20, 4]] },
    { params: { filters: 4, strides: [2], padding: 'same' }, inputs: [[null, 15, 3]] },
    { params: { filters: 4, dilationRate: [2], useBias: false }, inputs: [[null, 16, 3]] },
    {
      params: { filters: 6, kernelSize: [4], strides: [3], activation: 'tanh' },
      inputs: [[null, 30, 2]],
    },
    // Unknown steps: the harness runs them as 3, which `same` keeps.
    { params: { filters: 4, padding: 'same' }, inputs: [[null, null, 8]] },
    { params: { filters: 4 }, inputs: [[null, 784]] },
    { params: { filters: 4 }, inputs: [[null, 28, 28, 1]] },
    { params: { filters: 4, strides: [2], dilationRate: [2] }, inputs: [[null, 16, 3]] },
    { params: { filters: 4, kernelSize: [5] }, inputs: [[null, 3, 2]] },
    { params: { filters: 4 }, inputs: [[null, 10, null]] },
  ],
};
