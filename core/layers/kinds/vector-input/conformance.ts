import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  VectorInput: [{ inputs: [] }, { params: { size: 784 }, inputs: [] }],
};
