import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  OutputHead: [
    {
      params: { target: 'class', loss: 'categoricalCrossentropy', lossWeight: 1 },
      inputs: [[null, 10]],
    },
    { params: { target: 'box', loss: 'huber', lossWeight: 5 }, inputs: [[null, 4]] },
  ],
};
