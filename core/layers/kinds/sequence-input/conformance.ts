import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  SequenceInput: [{ inputs: [] }, { params: { length: 7, vocabularySize: 50 }, inputs: [] }],
};
