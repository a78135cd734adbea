import { describe, expect, it } from 'vitest';
import { defaultImageOptions, defaultTextOptions } from './config';
import { createMemorySampleStore } from './sample-store';
import { imageSampleSource, textSampleSource } from './train-samples';
import { buildVocabulary, tokenize } from './tokenize';

describe('imageSampleSource', () => {
  const store = createMemorySampleStore(3, 4);
  [0, 255, 51].forEach((v, i) => store.write(i, new Uint8Array(4).fill(v)));
  const labels = Int32Array.from([0, 1, 0]);

  it('gathers normalised float32 samples in the requested order', async () => {
    const source = imageSampleSource({
      store,
      labels,
      classCount: 2,
      options: { ...defaultImageOptions, width: 2, height: 2, normalization: 'minusOneToOne' },
      seed: 1,
    });
    expect(source.sampleShape).toEqual([2, 2, 1]);
    const out = new Float32Array(8);
    await source.gather([1, 2], out, { augment: false, epoch: 0 });
    expect([...out].map((v) => Math.round(v * 100) / 100)).toEqual([
      1, 1, 1, 1, -0.6, -0.6, -0.6, -0.6,
    ]);
  });
  it('augments only when asked, repeatably per epoch', async () => {
    const options = {
      ...defaultImageOptions,
      width: 2,
      height: 2,
      augmentation: { ...defaultImageOptions.augmentation, enabled: true, maxBrightness: 0.5 },
    };
    const source = imageSampleSource({ store, labels, classCount: 2, options, seed: 1 });
    const read = async (augment: boolean, epoch: number) => {
      const out = new Float32Array(4);
      await source.gather([2], out, { augment, epoch });
      return [...out];
    };
    expect(await read(false, 0)).toEqual([0.2, 0.2, 0.2, 0.2].map((v) => Math.fround(v)));
    expect(await read(true, 3)).toEqual(await read(true, 3));
    expect(await read(true, 3)).not.toEqual(await read(false, 3));
  });
});

describe('textSampleSource', () => {
  it('gathers int32 token ids', () => {
    const options = { ...defaultTextOptions, split: 'character' as const, sequenceLength: 4 };
    const texts = ['好好学习', '天天向上'];
    const vocabulary = buildVocabulary(
      texts.map((t) => tokenize(t, options)),
      20,
    );
    const source = textSampleSource({
      texts,
      labels: Int32Array.from([0, 1]),
      classCount: 2,
      options,
      vocabulary,
    });
    const out = new Int32Array(4);
    void source.gather([0], out, { augment: false, epoch: 0 });
    expect([...out]).toEqual([...'好好学习'].map((c) => vocabulary.indexOf(c)));
    expect(source.dtype).toBe('int32');
  });
});
