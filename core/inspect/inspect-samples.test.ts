import { describe, expect, it } from 'vitest';

import { defaultImageOptions, defaultTextOptions } from '../data/config';
import { samplesFromArrays } from '../train/sample-source';
import {
  gatherSamples,
  imageInput,
  sampleInput,
  samplesSource,
  sampleView,
  textInput,
} from './inspect-samples';

describe('gatherSamples', () => {
  it('keeps the validation samples in split order and restores display pixels from [-1, 1] inputs', async () => {
    const raw = Uint8Array.from({ length: 5 * 4 }, (_, i) => i * 12);
    // A source that normalises like training does with minusOneToOne.
    const source = samplesFromArrays({
      values: Float32Array.from(raw, (v) => v / 127.5 - 1),
      sampleShape: [2, 2, 1],
      labels: [0, 1, 0, 1, 1],
      numClasses: 2,
    });
    const image = {
      ...defaultImageOptions,
      width: 2,
      height: 2,
      colorMode: 'grayscale' as const,
      normalization: 'minusOneToOne' as const,
    };
    const samples = await gatherSamples(source, {
      classNames: ['a', 'b'],
      validation: [4, 1],
      image,
      text: null,
    });
    expect(samples.count).toBe(2);
    expect(Array.from(samples.labels)).toEqual([1, 1]);
    expect(Array.from(sampleView(samples, 0).image?.pixels ?? [])).toEqual(
      Array.from(raw.subarray(16, 20)),
    );
    expect(sampleInput(samples, 1).values).toEqual(
      Float32Array.from(raw.subarray(4, 8), (v) => v / 127.5 - 1),
    );
    const batch = await samplesSource(samples).readBatch(0, 2);
    expect(batch.xs.length).toBe(8);
  });

  it('uses every sample and numbered class names when the split and names are unknown', async () => {
    const source = samplesFromArrays({
      values: new Float32Array(6),
      sampleShape: [2],
      labels: [2, 0, 1],
      numClasses: 3,
    });
    const samples = await gatherSamples(source, {
      classNames: [],
      validation: null,
      image: null,
      text: null,
    });
    expect(samples.count).toBe(3);
    expect(samples.classNames).toEqual(['0', '1', '2']);
  });

  it('shows token samples as words with the vocabulary', async () => {
    const vocabulary = ['', '[UNK]', 'good', 'film'];
    const source = samplesFromArrays({
      values: Int32Array.from([2, 3, 0, 0]),
      sampleShape: [4],
      labels: [1],
      numClasses: 2,
      dtype: 'int32',
    });
    const samples = await gatherSamples(source, {
      classNames: ['neg', 'pos'],
      validation: null,
      image: null,
      text: { options: defaultTextOptions, vocabulary },
    });
    expect(samples.kind).toBe('text');
    expect(sampleView(samples, 0).text).toBe('good film');
  });
});

describe('new inputs get the training preprocessing', () => {
  it('resizes and greys a dropped RGBA image, normalised to [0, 1]', () => {
    const rgba = new Uint8ClampedArray(4 * 4 * 4).fill(255);
    const { input, pixels } = imageInput(rgba, 4, 4, {
      ...defaultImageOptions,
      width: 2,
      height: 2,
      colorMode: 'grayscale',
      normalization: 'zeroToOne',
    });
    expect(input.shape).toEqual([2, 2, 1]);
    expect(Array.from(input.values)).toEqual([1, 1, 1, 1]);
    expect(pixels.length).toBe(4);
  });

  it('turns typed text into padded token ids with the training vocabulary', () => {
    const input = textInput(
      'Good FILM',
      { ...defaultTextOptions, sequenceLength: 4, lowercase: true },
      ['', '[UNK]', 'good', 'film'],
    );
    // Padded before the words by default (Keras pad_sequences), after them when asked.
    expect(Array.from(input.values)).toEqual([0, 0, 2, 3]);
    const post = textInput(
      'Good FILM',
      { ...defaultTextOptions, sequenceLength: 4, padding: 'post' },
      ['', '[UNK]', 'good', 'film'],
    );
    expect(Array.from(post.values)).toEqual([2, 3, 0, 0]);
  });
});
