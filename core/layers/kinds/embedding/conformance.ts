import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  Embedding: [
    { params: { inputDim: 1000, outputDim: 16 }, inputs: [[null, 50]] },
    {
      params: { inputDim: 20, outputDim: 4 },
      inputs: [[null, 6, 3]],
      stricter: 'TF.js embeds any rank; LayerLab wants token ids [length] from a Sequence input',
    },
  ],
};
