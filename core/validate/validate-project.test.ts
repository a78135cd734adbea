import { describe, expect, it } from 'vitest';

import type { DatasetConfig } from '../data/config';
import { buildChain } from '../fixtures/build-graph';
import { defaultTrainingConfig } from '../train/config';
import { datasetFacts, inferenceContextOf } from './dataset-facts';
import { validateProject } from './validate-project';

const imageDataset = (
  classNames: string[],
  colorMode: 'grayscale' | 'rgb' = 'grayscale',
  size = 28,
): DatasetConfig => ({
  kind: 'image',
  folder: { name: 'digits', displayPath: '/data/digits' },
  testFolder: null,
  classNames,
  split: { seed: 1, validationShare: 0.2 },
  image: {
    width: size,
    height: size,
    colorMode,
    resizeMode: 'stretch',
    normalization: 'zeroToOne',
    augmentation: {
      enabled: false,
      flipHorizontal: false,
      flipVertical: false,
      maxShift: 0,
      maxRotation: 0,
      maxBrightness: 0,
    },
  },
  text: null,
  vocabulary: null,
});

const textDataset: DatasetConfig = {
  kind: 'text',
  folder: { name: 'mail', displayPath: '/data/mail' },
  testFolder: null,
  classNames: ['ham', 'spam'],
  split: { seed: 1, validationShare: 0.2 },
  image: null,
  text: {
    sampleUnit: 'files',
    lowercase: true,
    stripPunctuation: true,
    split: 'whitespace',
    vocabularySize: 20_000,
    sequenceLength: 120,
    truncating: 'pre',
    padding: 'pre',
    encoding: 'auto',
  },
  vocabulary: ['', '[UNK]', 'free', 'money', 'hello'],
};

const mlp = buildChain([
  { kind: 'ImageInput', params: { height: 28, width: 28, channels: 1 } },
  'Flatten',
  { kind: 'Dense', params: { units: 128 } },
  { kind: 'Dense', params: { units: 10, activation: 'softmax', unitsFromDataset: true } },
]).doc;
const lstm = buildChain([
  'SequenceInput',
  'Embedding',
  'LSTM',
  { kind: 'Dense', params: { units: 2, activation: 'softmax', unitsFromDataset: true } },
]).doc;

describe('datasetFacts', () => {
  it('reads class count, image size and channels', () => {
    expect(datasetFacts(imageDataset(['a', 'b', 'c'], 'rgb', 32))).toMatchObject({
      classCount: 3,
      kind: 'image',
      imageSize: { height: 32, width: 32, channels: 3 },
    });
    expect(datasetFacts(null)).toBeNull();
  });

  it('uses the built vocabulary and the sequence length of a text dataset', () => {
    const facts = datasetFacts(textDataset);
    expect(inferenceContextOf(facts)).toEqual({
      datasetClassCount: 2,
      vocabularySize: 5,
      sequenceLength: 120,
    });
  });
});

describe('validateProject', () => {
  it('lets the output follow the class count of the attached dataset', () => {
    const { shapes, diagnostics } = validateProject({
      graph: mlp,
      training: defaultTrainingConfig,
      dataset: imageDataset(['猫', '狗', '鸟']),
    });
    expect(diagnostics).toEqual([]);
    const out = [...shapes.values()].at(-1)!;
    expect(out.ok && out.shape).toEqual([null, 3]);
  });

  it('flags an image input whose size differs from the decoded images', () => {
    const { diagnostics } = validateProject({
      graph: mlp,
      training: defaultTrainingConfig,
      dataset: imageDataset(['a', 'b'], 'rgb', 32),
    });
    expect(diagnostics.map((d) => [d.code, d.args['actual'], d.args['expected']])).toEqual([
      ['input-size-mismatch', '28×28×1', '32×32×3'],
    ]);
  });

  it('flags an image network attached to a text dataset', () => {
    const { diagnostics } = validateProject({
      graph: mlp,
      training: defaultTrainingConfig,
      dataset: textDataset,
    });
    expect(diagnostics.map((d) => d.code)).toEqual(['input-dataset-mismatch']);
  });

  it('sizes a text network from the dataset', () => {
    const { shapes, diagnostics } = validateProject({
      graph: lstm,
      training: defaultTrainingConfig,
      dataset: textDataset,
    });
    expect(diagnostics).toEqual([]);
    const [input, embedding] = [...shapes.values()];
    expect(input!.ok && input!.shape).toEqual([null, 120]);
    expect(embedding!.ok && embedding!.resolvedParams['inputDim']).toBe(5);
  });
});
