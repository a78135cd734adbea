import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  Softmax: [{ inputs: [[null, 10]] }, { inputs: [[null, 4, 5]] }],
};
