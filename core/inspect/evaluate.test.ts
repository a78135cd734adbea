import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { arraySource, classMetrics, evaluateModel, samplesInCell } from './evaluate';
import { buildLeNet, seededValues } from './testing/lenet';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterAll(() => {
  expect(tf.memory().numTensors).toBe(0);
});

/** Softmax over 3 inputs with W = 10·I: predicts the index of the largest input. */
function argmaxModel(): tf.LayersModel {
  const input = tf.input({ shape: [3] });
  const out = tf.layers
    .dense({ units: 3, activation: 'softmax', name: 'out' })
    .apply(input) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  tf.tidy(() => model.getLayer('out').setWeights([tf.eye(3).mul(10), tf.zeros([3])]));
  return model;
}

describe('evaluateModel', () => {
  // Rows: which input is largest → predicted class. Labels chosen to give a known confusion matrix.
  const xs = new Float32Array([
    1, 0, 0, /* pred 0, true 0 */ 1, 0, 0, /* pred 0, true 0 */ 0, 1, 0 /* pred 1, true 0 */, 0, 1,
    0, /* pred 1, true 1 */ 0, 0, 1, /* pred 2, true 1 */ 0, 0, 1 /* pred 2, true 2 */,
  ]);
  const labels = [0, 0, 0, 1, 1, 2];

  it('builds the confusion matrix, accuracy, rates and per-class metrics', async () => {
    const model = argmaxModel();
    const before = tf.memory().numTensors;
    const report = await evaluateModel(model, arraySource(xs, labels, 3), { batchSize: 4 });
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(report.confusion)).toEqual([2, 1, 0, 0, 1, 1, 0, 0, 1]);
    expect(report.accuracy).toBeCloseTo(4 / 6, 10);
    expect(Array.from(report.confusionRates).map((r) => Number(r.toFixed(4)))).toEqual([
      0.6667, 0.3333, 0, 0, 0.5, 0.5, 0, 0, 1,
    ]);
    expect(report.perClass[0]).toEqual({ precision: 1, recall: 2 / 3, f1: 0.8, support: 3 });
    expect(report.perClass[1]?.precision).toBe(0.5);
    expect(report.perClass[2]?.precision).toBe(0.5);
    expect(report.perClass[2]?.recall).toBe(1);
    expect(samplesInCell(report, 0, 1)).toEqual([2]);
    expect(samplesInCell(report, 1, 2)).toEqual([4]);
    expect(report.mistakes.map((m) => m.index).sort()).toEqual([2, 4]);
    // p(true) for a correct row: e^10 / (e^10 + 2).
    const pRight = Math.exp(10) / (Math.exp(10) + 2);
    const pWrong = 1 / (Math.exp(10) + 2);
    expect(report.loss).toBeCloseTo((-4 * Math.log(pRight) - 2 * Math.log(pWrong)) / 6, 4);
    model.dispose();
  });

  it('gives the same report whatever the batch size, and matches model.predict on LeNet', async () => {
    const model = buildLeNet();
    const n = 23;
    const images = seededValues(n * 784, 3);
    const truth = Array.from({ length: n }, (_, i) => (i * 7) % 10);
    const a = await evaluateModel(model, arraySource(images, truth, 784), { batchSize: 5 });
    const b = await evaluateModel(model, arraySource(images, truth, 784), { batchSize: 256 });
    expect(Array.from(a.confusion)).toEqual(Array.from(b.confusion));
    expect(a.loss).toBeCloseTo(b.loss, 5);
    const predicted = tf.tidy(() =>
      Array.from(
        (model.predict(tf.tensor(images, [n, 28, 28, 1])) as tf.Tensor).argMax(1).dataSync(),
      ),
    );
    expect(Array.from(a.predictions)).toEqual(predicted);
    const expectedLoss = tf.tidy(
      () =>
        tf.metrics
          .categoricalCrossentropy(
            tf.oneHot(truth, 10).toFloat(),
            model.predict(tf.tensor(images, [n, 28, 28, 1])) as tf.Tensor,
          )
          .mean()
          .dataSync()[0] as number,
    );
    expect(a.loss).toBeCloseTo(expectedLoss, 4);
    model.dispose();
  });

  it('sorts mistakes by confidence, most confident first', async () => {
    const model = argmaxModel();
    const report = await evaluateModel(
      model,
      arraySource(new Float32Array([0, 0.2, 0, 0, 0.9, 0, 0, 0.5, 0]), [0, 0, 0], 3),
    );
    expect(report.mistakes.map((m) => m.index)).toEqual([1, 2, 0]);
    expect(report.mistakes[0]?.confidence).toBeGreaterThan(report.mistakes[1]?.confidence ?? 1);
    model.dispose();
  });

  it('reads async sources', async () => {
    const model = argmaxModel();
    const sync = arraySource(xs, labels, 3);
    const report = await evaluateModel(model, {
      count: 6,
      readBatch: async (s, e) => sync.readBatch(s, e),
    });
    expect(report.accuracy).toBeCloseTo(4 / 6, 10);
    model.dispose();
  });

  it('rejects labels outside the class range and empty data with bad-evaluation-data', async () => {
    const model = argmaxModel();
    const before = tf.memory().numTensors;
    await expect(
      evaluateModel(model, arraySource(xs, [0, 0, 0, 1, 1, 7], 3)),
    ).rejects.toMatchObject({ code: 'bad-evaluation-data' });
    await expect(
      evaluateModel(model, arraySource(new Float32Array(), [], 3)),
    ).rejects.toMatchObject({ code: 'bad-evaluation-data' });
    await expect(
      evaluateModel(model, {
        count: 2,
        readBatch: () => ({ xs: new Float32Array(5), labels: [0, 1] }),
      }),
    ).rejects.toMatchObject({ code: 'bad-evaluation-data' });
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('classMetrics gives 0 (not NaN) for classes never predicted or never present', () => {
    expect(classMetrics([1, 0, 1, 0], 2)).toEqual([
      { precision: 0.5, recall: 1, f1: 2 / 3, support: 1 },
      { precision: 0, recall: 0, f1: 0, support: 1 },
    ]);
  });
});
