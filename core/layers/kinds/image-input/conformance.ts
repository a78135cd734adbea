import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  ImageInput: [{ inputs: [] }, { params: { height: 32, width: 24, channels: 3 }, inputs: [] }],
};
