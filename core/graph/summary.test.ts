import { describe, expect, it } from 'vitest';

import { buildChain } from '../fixtures/build-graph';
import { inferShapes } from '../shapes/infer';
import { summarizeModel } from './summary';

describe('summarizeModel', () => {
  it('lists layers in order with shapes and counts like Keras summary()', () => {
    const { doc } = buildChain([
      { kind: 'ImageInput', params: { height: 28, width: 28, channels: 1 } },
      'Flatten',
      { kind: 'Dense', params: { units: 128 } },
      { kind: 'BatchNormalization' },
      { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
    ]);
    const s = summarizeModel(doc, inferShapes(doc));
    expect(s.rows.map((r) => [r.name, r.outputShape, r.paramCount])).toEqual([
      ['image_input_1', [null, 28, 28, 1], 0],
      ['flatten_1', [null, 784], 0],
      ['dense_1', [null, 128], 100_480],
      ['batch_normalization_1', [null, 128], 512],
      ['dense_2', [null, 10], 1290],
    ]);
    expect(s.totalParams).toBe(100_480 + 512 + 1290);
    expect(s.nonTrainableParams).toBe(256);
    expect(s.trainableParams).toBe(s.totalParams - 256);
    expect(s.complete).toBe(true);
  });

  it('marks rows it cannot infer and says the totals are partial', () => {
    const { doc } = buildChain(['VectorInput', 'Conv2D', 'Dense']);
    const s = summarizeModel(doc, inferShapes(doc));
    expect(s.rows.map((r) => r.paramCount)).toEqual([0, null, null]);
    expect(s.complete).toBe(false);
  });
});
