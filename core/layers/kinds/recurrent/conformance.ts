import { image } from '../../conformance-case';
import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  SimpleRNN: [
    { params: { units: 8 }, inputs: [[null, 10, 4]] },
    { params: { units: 8, returnSequences: true, activation: 'relu' }, inputs: [[null, 10, 4]] },
    { params: { units: 8 }, inputs: [[null, 10]] },
  ],
  LSTM: [
    { params: { units: 8 }, inputs: [[null, 10, 4]] },
    { params: { units: 5, returnSequences: true }, inputs: [[null, null, 3]] },
    { params: { units: 8 }, inputs: [image(4, 4, 4)] },
  ],
  GRU: [
    { params: { units: 8 }, inputs: [[null, 10, 4]] },
    { params: { units: 3, returnSequences: true }, inputs: [[null, 6, 2]] },
    { params: { units: 8 }, inputs: [[null, 10]] },
  ],
};
