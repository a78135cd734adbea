import type { Params } from '../graph/types';
import type { Shape } from '../shapes/shape';

/**
 * The case table of the conformance harness (`conformance.test.ts`): per
 * kind, params × input shapes. The harness decides from our own inference
 * whether a case should be accepted, and checks TF.js agrees. `stricter`
 * marks the few inputs we refuse on purpose although TF.js builds them, with
 * the reason; the harness checks TF.js still accepts those (so the note stays true).
 */
export interface ConformanceCase {
  readonly params?: Params;
  readonly inputs: readonly Shape[];
  readonly stricter?: string;
}

const image = (h: number, w: number, c: number): Shape => [null, h, w, c];

export const conformanceCases: Readonly<Record<string, readonly ConformanceCase[]>> = {
  ImageInput: [{ inputs: [] }, { params: { height: 32, width: 24, channels: 3 }, inputs: [] }],
  VectorInput: [{ inputs: [] }, { params: { size: 784 }, inputs: [] }],
  SequenceInput: [{ inputs: [] }, { params: { length: 7, vocabularySize: 50 }, inputs: [] }],
  Dense: [
    { params: { units: 128 }, inputs: [[null, 784]] },
    { params: { units: 2, useBias: false, activation: 'sigmoid' }, inputs: [[null, 3]] },
    { params: { units: 4, activation: 'softmax' }, inputs: [[null, 10, 8]] },
    { params: { units: 10 }, inputs: [image(6, 6, 1)] },
    { params: { units: 5 }, inputs: [[null]] },
    { params: { units: 5 }, inputs: [[null, null]] },
  ],
  Activation: ['sigmoid', 'tanh', 'relu', 'softmax', 'linear', 'leakyRelu', 'elu'].map(
    (activation) => ({ params: { activation }, inputs: [[null, 10]] }),
  ),
  Softmax: [{ inputs: [[null, 10]] }, { inputs: [[null, 4, 5]] }],
  Dropout: [
    { params: { rate: 0.5 }, inputs: [[null, 10]] },
    { params: { rate: 0.2, seed: 1 }, inputs: [image(5, 5, 3)] },
  ],
  Flatten: [
    { inputs: [image(28, 28, 1)] },
    { inputs: [[null, 10, 8]] },
    { inputs: [[null, 10]] },
    { inputs: [[null, null, 5]] },
  ],
  Reshape: [
    { params: { targetShape: [28, 28, 1] }, inputs: [[null, 784]] },
    { params: { targetShape: [512] }, inputs: [image(4, 4, 32)] },
    { params: { targetShape: [27, 28, 1] }, inputs: [[null, 784]] },
  ],
  Conv2D: [
    { inputs: [image(28, 28, 1)] },
    { params: { filters: 16, kernelSize: [5, 5] }, inputs: [image(28, 28, 1)] },
    { params: { filters: 8, strides: [2, 2], padding: 'same' }, inputs: [image(28, 28, 3)] },
    { params: { filters: 4, dilationRate: [2, 2] }, inputs: [image(16, 16, 3)] },
    {
      params: { filters: 6, kernelSize: [3, 5], strides: [1, 2], useBias: false },
      inputs: [image(20, 30, 2)],
    },
    { params: { filters: 4 }, inputs: [[null, 784]] },
    { params: { filters: 4 }, inputs: [[null, 10, 8]] },
    { params: { filters: 4, strides: [2, 2], dilationRate: [2, 2] }, inputs: [image(16, 16, 3)] },
    {
      params: { filters: 4, kernelSize: [5, 5] },
      inputs: [image(3, 3, 1)],
      stricter: 'TF.js builds a negative output size symbolically',
    },
    { params: { filters: 4 }, inputs: [[null, 28, 28, null]] },
  ],
  MaxPooling2D: [
    { inputs: [image(28, 28, 16)] },
    { params: { poolSize: [3, 3], strides: [1, 1], padding: 'same' }, inputs: [image(9, 9, 2)] },
    { inputs: [image(7, 7, 3)] },
    { params: { poolSize: [3, 2], strides: [1, 2] }, inputs: [image(10, 10, 4)] },
    { inputs: [[null, 10]] },
    {
      params: { poolSize: [2, 2] },
      inputs: [image(1, 1, 3)],
      stricter: 'TF.js builds a zero-size output',
    },
  ],
  AveragePooling2D: [
    { inputs: [image(28, 28, 16)] },
    { params: { poolSize: [3, 3], strides: [2, 2], padding: 'same' }, inputs: [image(9, 9, 2)] },
    { inputs: [[null, 10, 3]] },
  ],
  GlobalAveragePooling2D: [{ inputs: [image(7, 7, 32)] }, { inputs: [[null, 10]] }],
  BatchNormalization: [
    { inputs: [[null, 10]] },
    { params: { momentum: 0.9, epsilon: 1e-5 }, inputs: [image(8, 8, 16)] },
    { inputs: [[null]] },
  ],
  Embedding: [
    { params: { inputDim: 1000, outputDim: 16 }, inputs: [[null, 50]] },
    {
      params: { inputDim: 20, outputDim: 4 },
      inputs: [[null, 6, 3]],
      stricter: 'TF.js embeds any rank; LayerLab wants token ids [length] from a Sequence input',
    },
  ],
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
