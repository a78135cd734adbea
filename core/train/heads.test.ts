import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import { initBackend } from '../backend/init-backend';
import { compileGraph } from '../compile/compile-graph';
import { chooseRunner, type EngineChoice } from '../engine/choose-engine';
import { buildExportFolder } from '../io/export/export-model';
import { defaultParams } from '../layers/catalog';
import { validateGraph } from '../validate/validate-graph';
import { defaultTrainingConfig, type TrainingConfig } from './config';
import { evaluateSamples } from './evaluate';
import { boxIou, headLoss, meanIou } from './head-losses';
import { encodeHeadTargets } from './head-targets';
import { headsOfModel, type HeadPlan } from './heads';
import type { SampleSource } from './sample-source';
import { samplesFromArrays } from './sample-source';
import { graphOf } from './testing/tiny-graphs';
import { train } from './train';
import { TrainingError } from './training-error';

/** Input → shared hidden layer → class head (3-way softmax) and box head (4 sigmoid units). */
function twoHeadGraph(box: { loss?: string; lossWeight?: number; activation?: string } = {}) {
  return graphOf(
    [
      { name: 'x', kind: 'VectorInput', params: { ...defaultParams('VectorInput'), size: 2 } },
      {
        name: 'trunk',
        kind: 'Dense',
        params: { ...defaultParams('Dense'), units: 16, activation: 'relu' },
      },
      {
        name: 'classDense',
        kind: 'Dense',
        params: { ...defaultParams('Dense'), units: 3, activation: 'softmax' },
      },
      {
        name: 'boxDense',
        kind: 'Dense',
        params: { ...defaultParams('Dense'), units: 4, activation: box.activation ?? 'sigmoid' },
      },
      {
        name: 'label',
        kind: 'OutputHead',
        params: {
          ...defaultParams('OutputHead'),
          target: 'class',
          loss: 'categoricalCrossentropy',
          lossWeight: 1,
        },
      },
      {
        name: 'box',
        kind: 'OutputHead',
        params: {
          ...defaultParams('OutputHead'),
          target: 'box',
          loss: box.loss ?? 'huber',
          lossWeight: box.lossWeight ?? 2,
        },
      },
    ],
    [
      ['x', 'trunk'],
      ['trunk', 'classDense'],
      ['trunk', 'boxDense'],
      ['classDense', 'label'],
      ['boxDense', 'box'],
    ],
  );
}

/**
 * Class c sits at a corner of the plane; its box is a 0.2 × 0.3 box whose corner follows the
 * point: both heads have something to learn from the two inputs.
 */
function boxSamples(count: number): SampleSource {
  const values = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  const boxes = new Float32Array(count * 4);
  for (let i = 0; i < count; i++) {
    const c = i % 3;
    const u = ((i * 37) % 101) / 101;
    const v = ((i * 53) % 97) / 97;
    values[i * 2] = c === 1 ? 1 + u * 0.5 : u * 0.5;
    values[i * 2 + 1] = c === 2 ? 1 + v * 0.5 : v * 0.5;
    labels[i] = c;
    boxes.set([0.1 + u * 0.6, 0.1 + v * 0.5, 0.2, 0.3], i * 4);
  }
  return { ...samplesFromArrays({ values, sampleShape: [2], labels, numClasses: 3 }), boxes };
}

const config = (over: Partial<TrainingConfig> = {}): TrainingConfig => ({
  ...defaultTrainingConfig,
  optimizer: { kind: 'adam', learningRate: 0.02 },
  batchSize: 16,
  epochs: 4,
  validationShare: 0.25,
  ...over,
});

const compileTwoHeads = (over?: Parameters<typeof twoHeadGraph>[0]) => {
  const graph = twoHeadGraph(over);
  return compileGraph(graph, { diagnostics: validateGraph(graph), seed: 3 });
};

beforeAll(async () => {
  await initBackend('cpu');
});

describe('losses and metrics of heads', () => {
  it('computes each loss as written out by hand', () => {
    const y = tf.tensor2d([
      [0, 1, 0],
      [1, 0, 0],
    ]);
    const p = tf.tensor2d([
      [0.2, 0.7, 0.1],
      [0.5, 0.25, 0.25],
    ]);
    expect(headLoss('categoricalCrossentropy', y, p).dataSync()[0]).toBeCloseTo(
      -(Math.log(0.7) + Math.log(0.5)) / 2,
      6,
    );
    const bce =
      -[0, 1, 0, 1, 0, 0].reduce((s, t, i) => {
        const q = [0.2, 0.7, 0.1, 0.5, 0.25, 0.25][i]!;
        return s + t * Math.log(q) + (1 - t) * Math.log(1 - q);
      }, 0) / 6;
    expect(headLoss('binaryCrossentropy', y, p).dataSync()[0]).toBeCloseTo(bce, 6);
    const diffs = [0.2, -0.3, 0.1, -0.5, 0.25, 0.25];
    expect(headLoss('meanSquaredError', y, p).dataSync()[0]).toBeCloseTo(
      diffs.reduce((s, d) => s + d * d, 0) / 6,
      6,
    );
    // Huber: ½e² below 1, |e| − ½ above: one error of 3 and one of 0.5.
    const huber = headLoss('huber', tf.tensor2d([[0, 0]]), tf.tensor2d([[3, 0.5]]));
    expect(huber.dataSync()[0]).toBeCloseTo((2.5 + 0.125) / 2, 6);
  });

  it('measures IoU of [x, y, width, height] boxes, tensor and plain alike', () => {
    expect(boxIou([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(boxIou([0, 0, 1, 1], [0.5, 0, 1, 1])).toBeCloseTo(0.5 / 1.5, 9);
    expect(boxIou([0, 0, 0.2, 0.2], [0.5, 0.5, 0.2, 0.2])).toBe(0);
    expect(boxIou([0, 0, 0, 0], [0, 0, 0, 0])).toBe(0);
    expect(boxIou([0, 0, 1, 1], [0.25, 0.25, -0.5, 0.5])).toBe(0);
    const a = [
      [0.1, 0.1, 0.4, 0.4],
      [0.2, 0.3, 0.2, 0.1],
    ];
    const b = [
      [0.2, 0.2, 0.4, 0.3],
      [0.25, 0.3, -0.1, 0.1],
    ];
    const tensor = meanIou(tf.tensor2d(a), tf.tensor2d(b)).dataSync()[0];
    expect(tensor).toBeCloseTo((boxIou(a[0]!, b[0]!) + boxIou(a[1]!, b[1]!)) / 2, 6);
  });
});

describe('models with output heads', () => {
  it('finds the heads of the compiled model, with their settings and target columns', () => {
    const heads = headsOfModel(compileTwoHeads());
    expect(heads).toEqual([
      {
        name: 'label',
        target: 'class',
        loss: 'categoricalCrossentropy',
        lossWeight: 1,
        units: 3,
        offset: 0,
      },
      { name: 'box', target: 'box', loss: 'huber', lossWeight: 2, units: 4, offset: 3 },
    ]);
  });

  it('writes each head its targets side by side: one-hot class, then the box', () => {
    const heads = headsOfModel(compileTwoHeads()) as HeadPlan[];
    const samples = boxSamples(6);
    const out = new Float32Array(2 * 7);
    encodeHeadTargets(samples, [4, 2], heads, out);
    expect(Array.from(out.subarray(0, 3))).toEqual([0, 1, 0]);
    expect(Array.from(out.subarray(3, 7))).toEqual(Array.from(samples.boxes!.subarray(16, 20)));
    expect(Array.from(out.subarray(7, 10))).toEqual([0, 0, 1]);
  });

  it('scores the weighted sum of the heads’ losses, as computed by hand from the predictions', async () => {
    const model = compileTwoHeads();
    const samples = boxSamples(9);
    const indices = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    const report = await evaluateSamples(model, samples, indices, {
      batchSize: 4,
      encoding: 'one-hot',
      outputUnits: 7,
    });
    const inputs = new Float32Array(18);
    await samples.gather(indices, inputs, { augment: false, epoch: 0 });
    const [classes, boxes] = (model.predict(tf.tensor2d(inputs, [9, 2])) as tf.Tensor[]).map(
      (t) => t.arraySync() as number[][],
    );
    let ce = 0;
    let huber = 0;
    let iou = 0;
    let hits = 0;
    indices.forEach((i) => {
      const c = samples.labels[i]!;
      const row = classes![i]!;
      ce -= Math.log(row[c]! / row.reduce((a, b) => a + b, 0));
      if (row.indexOf(Math.max(...row)) === c) hits++;
      const truth = Array.from(samples.boxes!.subarray(i * 4, i * 4 + 4));
      truth.forEach((t, j) => {
        const e = Math.abs(t - boxes![i]![j]!);
        huber += e <= 1 ? 0.5 * e * e : e - 0.5;
      });
      iou += boxIou(truth, boxes![i]!);
    });
    ce /= 9;
    huber /= 36;
    expect(report.heads?.[0]?.loss).toBeCloseTo(ce, 5);
    expect(report.heads?.[1]?.loss).toBeCloseTo(huber, 5);
    expect(report.loss).toBeCloseTo(1 * ce + 2 * huber, 5);
    expect(report.heads?.[0]?.metric).toBeCloseTo(hits / 9, 5);
    expect(report.heads?.[1]?.metric).toBeCloseTo(iou / 9, 5);
    expect(report.accuracy).toBeCloseTo(hits / 9, 5);
  });

  it('trains both heads through the one loop: per-head curves per epoch, losses fall, IoU rises, no tensor leak', async () => {
    const model = compileTwoHeads();
    const samples = boxSamples(240);
    const before = tf.memory().numTensors;
    const tensorsPerEpoch: number[] = [];
    const result = await train(model, { samples }, config({ epochs: 12 }), {
      onEpochEnd: () => tensorsPerEpoch.push(tf.memory().numTensors),
    });
    const first = result.epochs[0]!;
    const last = result.epochs[result.epochs.length - 1]!;
    expect(last.heads?.map((h) => [h.name, h.metric])).toEqual([
      ['label', 'accuracy'],
      ['box', 'iou'],
    ]);
    for (const epoch of result.epochs) {
      const [label, box] = epoch.heads!;
      expect(epoch.loss).toBeCloseTo(label!.loss + 2 * box!.loss, 4);
      expect(epoch.valLoss).toBeCloseTo(label!.valLoss! + 2 * box!.valLoss!, 4);
    }
    expect(last.heads![0]!.valLoss!).toBeLessThan(first.heads![0]!.valLoss!);
    expect(last.heads![1]!.valLoss!).toBeLessThan(first.heads![1]!.valLoss!);
    expect(last.heads![0]!.valValue!).toBeGreaterThan(0.9);
    expect(last.heads![1]!.valValue!).toBeGreaterThan(first.heads![1]!.valValue!);
    expect(last.valAccuracy).toBe(last.heads![0]!.valValue);
    // Optimizer slots are made in epoch 1; from then on the count stays put.
    expect(new Set(tensorsPerEpoch.slice(1)).size).toBe(1);
    expect(tensorsPerEpoch[1]! - before).toBeLessThan(200);
    model.dispose();
  });

  it('refuses a box head on samples without boxes', async () => {
    const model = compileTwoHeads();
    const { boxes: _, ...noBoxes } = boxSamples(30);
    await expect(train(model, { samples: noBoxes }, config())).rejects.toMatchObject({
      code: 'missing-boxes',
    });
    await expect(train(model, { samples: noBoxes }, config())).rejects.toBeInstanceOf(
      TrainingError,
    );
    model.dispose();
  });

  it('trains on TF.js: the engine refuses output heads at the runner choice, with its reason', () => {
    const model = compileTwoHeads();
    const chosen: EngineChoice[] = [];
    chooseRunner(model, config(), {
      tfBackend: 'cpu',
      wasmFor: () => new Uint8Array(8),
      onChosen: (c) => chosen.push(c),
    });
    expect(chosen).toEqual([expect.objectContaining({ engine: 'tfjs', code: 'output-heads' })]);
    model.dispose();
  });

  it('is refused by the export, which writes nothing', async () => {
    const model = compileTwoHeads();
    const result = await buildExportFolder(model, {
      labels: ['a', 'b', 'c'],
    } as unknown as Parameters<typeof buildExportFolder>[1]);
    expect(!result.ok && result.error.code).toBe('export-several-outputs');
    model.dispose();
  });
});

describe('validation of heads', () => {
  const codes = (graph: ReturnType<typeof twoHeadGraph>, classCount = 3) =>
    validateGraph(graph, { dataset: { classCount } }).map((d) => `${d.severity}:${d.code}`);

  it('accepts several outputs that each end in an output head', () => {
    expect(codes(twoHeadGraph())).toEqual([]);
  });

  it('warns about box coordinates through a softmax and a class loss on a box head', () => {
    expect(codes(twoHeadGraph({ activation: 'softmax' }))).toContain('warning:head-box-softmax');
    expect(codes(twoHeadGraph({ loss: 'categoricalCrossentropy' }))).toContain(
      'warning:head-loss-target-mismatch',
    );
  });

  it('flags a class head whose units do not fit the classes, and a box head without 4 units', () => {
    expect(codes(twoHeadGraph(), 5)).toContain('error:output-units-mismatch');
    const graph = twoHeadGraph();
    const boxDense = Object.values(graph.nodes).find((n) => n.name === 'boxDense')!;
    const wide = {
      ...graph,
      nodes: {
        ...graph.nodes,
        [boxDense.id]: { ...boxDense, params: { ...boxDense.params, units: 5 } },
      },
    };
    expect(codes(wide)).toContain('error:head-box-units');
  });

  it('warns about a cross-entropy class head on a linear layer', () => {
    const graph = twoHeadGraph();
    const classDense = Object.values(graph.nodes).find((n) => n.name === 'classDense')!;
    const linear = {
      ...graph,
      nodes: {
        ...graph.nodes,
        [classDense.id]: { ...classDense, params: { ...classDense.params, activation: 'linear' } },
      },
    };
    expect(codes(linear)).toContain('warning:loss-activation-mismatch');
  });

  it('still refuses several outputs without heads, and a head with layers after it', () => {
    const plain = graphOf(
      [
        { name: 'x', kind: 'VectorInput', params: { ...defaultParams('VectorInput'), size: 2 } },
        {
          name: 'a',
          kind: 'Dense',
          params: { ...defaultParams('Dense'), units: 3, activation: 'softmax' },
        },
        { name: 'b', kind: 'Dense', params: { ...defaultParams('Dense'), units: 4 } },
      ],
      [
        ['x', 'a'],
        ['x', 'b'],
      ],
    );
    expect(codes(plain)).toContain('error:multiple-outputs');
    const after = graphOf([
      { name: 'x', kind: 'VectorInput', params: { ...defaultParams('VectorInput'), size: 2 } },
      { name: 'h', kind: 'OutputHead', params: { ...defaultParams('OutputHead') } },
      {
        name: 'a',
        kind: 'Dense',
        params: { ...defaultParams('Dense'), units: 3, activation: 'softmax' },
      },
    ]);
    expect(codes(after)).toContain('error:head-not-at-end');
  });
});
