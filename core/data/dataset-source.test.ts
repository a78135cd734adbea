import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultImageOptions, defaultTextOptions } from './config';
import type { ImageOptions } from './config';
import { batchToFloat32, createImageDataset, createTextDataset } from './dataset-source';
import type { DataBatch, DatasetSource } from './dataset-source';
import { createMemorySampleStore } from './sample-store';
import { stratifiedSplit } from './split';
import { batchToTensors } from './to-tensors';

const options: ImageOptions = { ...defaultImageOptions, width: 2, height: 2 };
const labels = Int32Array.from({ length: 20 }, (_, i) => i % 3);
const split = stratifiedSplit(labels, { seed: 3, validationShare: 0.25 });

function imageSource(opts: ImageOptions = options): DatasetSource {
  const store = createMemorySampleStore(labels.length, 4);
  // Sample i holds the value i in every pixel, so batches reveal their samples.
  for (let i = 0; i < labels.length; i++) store.write(i, new Uint8Array(4).fill(i));
  return createImageDataset({
    classNames: ['a', 'b', 'c'],
    labels,
    split,
    seed: 3,
    store,
    options: opts,
  });
}

async function collect(
  source: DatasetSource,
  subset: 'train' | 'validation',
  epoch: number,
): Promise<DataBatch[]> {
  const out: DataBatch[] = [];
  for await (const b of source.epochBatches(subset, 4, epoch)) out.push(b);
  return out;
}
const sampleIds = (batches: DataBatch[]) =>
  batches.flatMap((b) => Array.from({ length: b.size }, (_, k) => b.xs[k * 4] as number));

describe('createImageDataset', () => {
  it('serves each training sample once per epoch, reshuffled per epoch, with matching labels', async () => {
    const source = imageSource();
    expect([source.trainCount, source.validationCount]).toEqual([
      split.train.length,
      split.validation.length,
    ]);
    const e0 = await collect(source, 'train', 0);
    const e1 = await collect(source, 'train', 1);
    expect([...sampleIds(e0)].sort((a, b) => a - b)).toEqual([...split.train]);
    expect(sampleIds(e0)).not.toEqual(sampleIds(e1));
    for (const b of e0)
      for (let k = 0; k < b.size; k++) expect(b.labels[k]).toBe((b.xs[k * 4] as number) % 3);
    expect(e0[0]?.shape).toEqual([4, 2, 2, 1]);
  });
  it('keeps validation in order and never augments it', async () => {
    const source = imageSource({
      ...options,
      augmentation: { ...options.augmentation, enabled: true, maxBrightness: 1 },
    });
    expect(sampleIds(await collect(source, 'validation', 0))).toEqual([...split.validation]);
  });
  it('nextBatch walks an epoch then returns null, then starts the next epoch', async () => {
    const source = imageSource();
    let n = 0;
    while ((await source.nextBatch('train', 4)) !== null) n++;
    expect(n).toBe(Math.ceil(split.train.length / 4));
    expect(await source.nextBatch('train', 4)).not.toBeNull();
  });
  it('converts a batch to normalised float32 and to tensors without leaking', async () => {
    const source = imageSource();
    const batch = (await collect(source, 'validation', 0))[0] as DataBatch;
    const floats = batchToFloat32(batch, options);
    expect(floats[0]).toBeCloseTo((batch.xs[0] as number) / 255);
    const before = tf.memory().numTensors;
    const { xs, ys } = batchToTensors(batch, options, 3);
    expect(xs.shape).toEqual([batch.size, 2, 2, 1]);
    expect(ys.shape).toEqual([batch.size, 3]);
    tf.dispose([xs, ys]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('createTextDataset', () => {
  it('builds the vocabulary from training samples only and pads to the sequence length', async () => {
    const texts = ['好 天气', '坏 天气', '好 心情', '坏 心情', '秘密词 好'];
    const textLabels = Int32Array.from([0, 1, 0, 1, 0]);
    const textSplit = { train: [0, 1, 2, 3], validation: [4] };
    const source = createTextDataset({
      classNames: ['好', '坏'],
      labels: textLabels,
      split: textSplit,
      seed: 1,
      texts,
      options: { ...defaultTextOptions, split: 'whitespace', sequenceLength: 3 },
    });
    expect(source.vocabulary).not.toContain('秘密词');
    expect(source.vocabulary?.slice(0, 2)).toEqual(['', '[UNK]']);
    const [batch] = await collect(source, 'validation', 0);
    const good = source.vocabulary?.indexOf('好');
    // Padded before the words (the default, as Keras pad_sequences).
    expect([...(batch?.xs ?? [])]).toEqual([0, 1, good]);
    expect(batch?.xs).toBeInstanceOf(Int32Array);
  });
});
