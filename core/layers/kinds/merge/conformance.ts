import { image } from '../../conformance-case';
import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  Add: [
    {
      inputs: [
        [null, 10],
        [null, 10],
      ],
    },
    { inputs: [image(4, 4, 3), image(4, 4, 3), image(4, 4, 3)] },
    {
      inputs: [
        [null, 10],
        [null, 5],
      ],
    },
    {
      inputs: [
        [null, 10],
        [null, 1],
      ],
      stricter: 'TF.js broadcasts size-1 axes; learners almost never mean that',
    },
    { inputs: [[null, 10]] },
  ],
  Concatenate: [
    {
      inputs: [
        [null, 10],
        [null, 5],
      ],
    },
    { inputs: [image(4, 4, 3), image(4, 4, 5)] },
    { params: { axis: 1 }, inputs: [image(4, 4, 3), image(2, 4, 3)] },
    { inputs: [image(4, 4, 3), image(5, 4, 3)] },
    { inputs: [[null, 10]] },
  ],
};
