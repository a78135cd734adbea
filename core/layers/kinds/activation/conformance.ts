import type { ConformanceCases } from '../../conformance-case';

/** Conformance cases (core/layers/conformance.test.ts): params × input shapes, checked against TF.js. */
export const conformanceCases: ConformanceCases = {
  Activation: ['sigmoid', 'tanh', 'relu', 'softmax', 'linear', 'leakyRelu', 'elu'].map(
    (activation) => ({ params: { activation }, inputs: [[null, 10]] }),
  ),
};
