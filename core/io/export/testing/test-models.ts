/**
 * Small models for export tests (unit tests, the PyTorch parity test, the
 * bench script): an MLP, a CNN with BatchNormalization and 'same' pooling
 * (asymmetric TF padding on purpose), recurrent text models, and a functional
 * model with a branch. Each comes with deterministic samples and is trained
 * for a few epochs, so BatchNormalization statistics and weights have moved.
 */
import * as tf from '@tensorflow/tfjs';

import type { ExportInfo } from '../export-info';

export type TestModelKind =
  | 'mlp'
  | 'cnn'
  | 'lstm'
  | 'lstm-sigmoid'
  | 'gru'
  | 'simple-rnn'
  | 'gru-masked'
  | 'lstm-masked'
  | 'conv1d-text'
  | 'branch';

export interface TestModel {
  readonly model: tf.LayersModel;
  /** A batch of inputs (float32; token ids for text models) the model was trained on. */
  readonly samples: tf.Tensor;
  readonly info: ExportInfo;
}

const classes = 3;
const vocabulary = [
  '',
  '[UNK]',
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
];

function baseInfo(inputShape: (number | null)[]): ExportInfo {
  return {
    modelName: '测试 model',
    labels: ['猫', 'dog', 'bird'],
    inputShape,
    image: null,
    text: null,
    versions: { layerlab: '0.1.0', tfjs: tf.version.tfjs },
    training: {
      epochs: 2,
      finalMetrics: { loss: 1.0, acc: 0.5 },
      finishedAt: '2026-01-01T00:00:00.000Z',
    },
    exportedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Deterministic pseudo-random numbers (mulberry32) so samples are identical on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function floats(n: number, seed: number): Float32Array {
  const next = seeded(seed);
  return Float32Array.from({ length: n }, () => next());
}

/** Token ids of texts of random length, padded with 0 after ('post') or before ('pre') them. */
function tokenIds(
  rows: number,
  length: number,
  seed: number,
  padding: 'none' | 'post' | 'pre',
): Float32Array {
  const next = seeded(seed);
  const out = new Float32Array(rows * length);
  for (let r = 0; r < rows; r++) {
    const used = padding === 'none' ? length : 3 + Math.floor(next() * (length - 3));
    const start = padding === 'pre' ? length - used : 0;
    for (let t = start; t < start + used; t++)
      out[r * length + t] = 2 + Math.floor(next() * (vocabulary.length - 2));
  }
  return out;
}

const paddingOf = (kind: TestModelKind): 'none' | 'post' | 'pre' =>
  kind === 'gru-masked' ? 'post' : kind === 'lstm-masked' ? 'pre' : 'none';

function recurrentModel(kind: TestModelKind): tf.LayersModel {
  const maskZero = kind === 'gru-masked' || kind === 'lstm-masked';
  const layers: tf.layers.Layer[] = [
    // A wide embedding range drives the gates out of their near-linear region, so a wrong gate function shows.
    tf.layers.embedding({
      inputDim: vocabulary.length,
      outputDim: 6,
      inputLength: 10,
      maskZero,
      inputShape: [10],
      name: 'embedding',
      embeddingsInitializer: tf.initializers.randomUniform({ minval: -2, maxval: 2, seed: 7 }),
    }),
  ];
  if (kind === 'lstm')
    layers.push(
      tf.layers.lstm({ units: 5, returnSequences: true, name: 'lstm_1' }),
      tf.layers.lstm({ units: 4, name: 'lstm_2' }),
    );
  if (kind === 'lstm-sigmoid')
    layers.push(tf.layers.lstm({ units: 5, recurrentActivation: 'sigmoid', name: 'lstm' }));
  // The LSTM text template's shape: pre-padded texts, the padding skipped.
  if (kind === 'lstm-masked') layers.push(tf.layers.lstm({ units: 5, name: 'lstm' }));
  if (kind === 'gru' || kind === 'gru-masked')
    layers.push(tf.layers.gru({ units: 5, name: 'gru' }));
  if (kind === 'simple-rnn') layers.push(tf.layers.simpleRNN({ units: 5, name: 'rnn' }));
  if (kind === 'conv1d-text')
    layers.push(
      // 10 steps → 5 with stride 2 and 'same': TF pads 0 before, 1 after (asymmetric).
      tf.layers.conv1d({
        filters: 5,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: 'relu',
        name: 'conv_a',
      }),
      tf.layers.conv1d({ filters: 4, kernelSize: 2, activation: 'tanh', name: 'conv_b' }),
      tf.layers.flatten({ name: 'flatten' }),
    );
  layers.push(tf.layers.dense({ units: classes, activation: 'softmax', name: 'output' }));
  return tf.sequential({ layers });
}

function cnnModel(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({
        inputShape: [12, 12, 1],
        filters: 4,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        name: 'conv_a',
      }),
      tf.layers.batchNormalization({ name: 'bn' }),
      tf.layers.maxPooling2d({ poolSize: 2, padding: 'same', name: 'pool_a' }),
      // 6×6 → 3×3 with stride 2 and 'same': TF pads 0 before, 1 after (asymmetric).
      tf.layers.conv2d({
        filters: 6,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: 'relu',
        name: 'conv_b',
      }),
      // 3×3 → 2×2 with 'same': the padded cell must not count in the average.
      tf.layers.averagePooling2d({ poolSize: 2, padding: 'same', name: 'pool_b' }),
      tf.layers.flatten({ name: 'flatten' }),
      tf.layers.dense({ units: classes, activation: 'softmax', name: 'output' }),
    ],
  });
}

function branchModel(): tf.LayersModel {
  const input = tf.input({ shape: [8], name: 'features' });
  const a = tf.layers
    .dense({ units: 6, activation: 'tanh', name: 'left' })
    .apply(input) as tf.SymbolicTensor;
  const b = tf.layers
    .dense({ units: 6, activation: 'relu', name: 'right' })
    .apply(input) as tf.SymbolicTensor;
  const sum = tf.layers.add({ name: 'sum' }).apply([a, b]) as tf.SymbolicTensor;
  const joined = tf.layers.concatenate({ name: 'joined' }).apply([sum, a]) as tf.SymbolicTensor;
  const out = tf.layers
    .dense({ units: classes, activation: 'softmax', name: 'output' })
    .apply(joined) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out, name: 'branch' });
}

/** Builds, briefly trains (2 epochs, Adam) and returns a test model with 24 samples. */
export async function buildTestModel(kind: TestModelKind): Promise<TestModel> {
  const n = 24;
  let model: tf.LayersModel;
  let samples: tf.Tensor;
  let info: ExportInfo;
  if (kind === 'mlp' || kind === 'branch') {
    model =
      kind === 'mlp'
        ? tf.sequential({
            layers: [
              tf.layers.dense({ inputShape: [8], units: 16, activation: 'relu', name: 'hidden' }),
              tf.layers.dropout({ rate: 0.2, name: 'drop' }),
              tf.layers.dense({ units: classes, activation: 'softmax', name: 'output' }),
            ],
          })
        : branchModel();
    samples = tf.tensor2d(floats(n * 8, 1), [n, 8]);
    info = baseInfo([null, 8]);
  } else if (kind === 'cnn') {
    model = cnnModel();
    samples = tf.tensor4d(floats(n * 144, 2), [n, 12, 12, 1]);
    info = {
      ...baseInfo([null, 12, 12, 1]),
      image: {
        width: 12,
        height: 12,
        colorMode: 'grayscale',
        resizeMode: 'stretch',
        normalization: 'zeroToOne',
      },
    };
  } else {
    model = recurrentModel(kind);
    samples = tf.tensor2d(tokenIds(n, 10, 3, paddingOf(kind)), [n, 10]);
    info = {
      ...baseInfo([null, 10]),
      text: {
        tokenizer: {
          sampleUnit: 'lines',
          lowercase: true,
          stripPunctuation: true,
          split: 'whitespace',
          vocabularySize: vocabulary.length,
          sequenceLength: 10,
          truncating: 'post',
          padding: 'post',
          encoding: 'auto',
        },
        vocabulary,
      },
    };
  }
  const labels = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: n }, (_, i) => i % classes),
      'int32',
    ),
    classes,
  );
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  await model.fit(samples, labels, { epochs: 2, batchSize: 8, shuffle: false, verbose: 0 });
  labels.dispose();
  return { model, samples, info };
}
