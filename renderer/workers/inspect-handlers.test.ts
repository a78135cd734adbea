import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { InspectableModel, NodeId, SampleSource } from '@core';
import {
  compileGraph,
  gatherSamples,
  initBackend,
  inferShapes,
  liveTensorCount,
  parseTemplate,
  receptiveFieldsOf,
  samplesFromArrays,
  unitFieldOf,
} from '@core';

import template from '../../assets/templates/lenet.layerlab?raw';
import type { InspectData } from './inspect-handlers';

import { handleInspectRequest } from './inspect-handlers';
import type { InspectRequest, InspectResponses } from './inspect-protocol';

/**
 * The worker glue over the real LeNet template compiled by core: every
 * request type answers with plain data and leaves no tensor behind.
 */

let model: InspectableModel;
let source: SampleSource;
let data: InspectData;
let doc: ReturnType<typeof loadDoc>;

function loadDoc() {
  const parsed = parseTemplate(template, 'lenet');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** 100 deterministic 28×28 grey "images" (uint8 scaled by 1/255) with labels 0..9; samples 60..99 are the validation split. */
function fakeSource(): SampleSource {
  const count = 100;
  const raw = new Uint8Array(count * 784).map((_, i) => (i * 37 + (i >> 5) * 11) % 256);
  return samplesFromArrays({
    values: raw,
    sampleShape: [28, 28, 1],
    labels: Int32Array.from({ length: count }, (_, i) => i % 10),
    numClasses: 10,
    scale: 1 / 255,
  });
}

async function ask<T extends InspectRequest['type']>(
  request: Extract<InspectRequest, { type: T }>,
): Promise<InspectResponses[T]> {
  const result = await handleInspectRequest(model, request, data);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as InspectResponses[T];
}

beforeAll(async () => {
  await initBackend('cpu');
  doc = loadDoc();
  model = compileGraph(doc.graph, { diagnostics: [], inference: { datasetClassCount: 10 } });
  source = fakeSource();
  const image = {
    width: 28,
    height: 28,
    colorMode: 'grayscale',
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
  } as const;
  const classNames = [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
  ];
  // As training-session.ts does: the validation split (samples 60..99) gathered once.
  data = {
    samples: await gatherSamples(source, {
      classNames,
      validation: Array.from({ length: 40 }, (_, i) => 60 + i),
      image,
      text: null,
    }),
    image,
    text: null,
  };
});

afterAll(() => {
  model.dispose();
  expect(liveTensorCount()).toBe(0);
});

describe('handleInspectRequest on the LeNet template', () => {
  it('lists layers, class names and the sample count', async () => {
    const info = await ask({ type: 'layers' });
    expect(info.layers.map((l) => l.name)).toEqual([
      'conv2d_1',
      'max_pooling2d_1',
      'conv2d_2',
      'max_pooling2d_2',
      'flatten_1',
      'dense_1',
      'dense_2',
    ]);
    expect(info.sampleCount).toBe(40);
    expect(info.classNames[3]).toBe('three');
  });

  it('feature maps of a validation sample come with its picture', async () => {
    const before = liveTensorCount();
    const { sample, maps } = await ask({
      type: 'featureMaps',
      sample: { source: 'validation', index: 3 },
    });
    expect(liveTensorCount()).toBe(before);
    expect(sample.view?.image?.width).toBe(28);
    // Validation sample 3 is source sample 63: its label, and its pixels restored from the normalised input.
    expect(sample.view?.label).toBe(3);
    expect(sample.view?.image?.pixels[0]).toBe((63 * 784 * 37 + ((63 * 784) >> 5) * 11) % 256);
    expect(maps.map((m) => m.shape)).toEqual([
      [24, 24, 16],
      [12, 12, 16],
      [8, 8, 32],
      [4, 4, 32],
      [128],
      [10],
    ]);
  });

  it('the effective field of a conv2d_2 unit lies inside the theoretical field the canvas shows', async () => {
    const fields = receptiveFieldsOf(doc.graph, inferShapes(doc.graph, { datasetClassCount: 10 }));
    const conv2 = Object.values(doc.graph.nodes).find((n) => n.name === 'conv2d_2')?.id as NodeId;
    const field = fields.get(conv2);
    expect(field?.kind === 'spatial' && field.axes[0]).toEqual({ size: 14, jump: 2, start: 6.5 });
    const window = unitFieldOf(field!, [5, 1])?.clipped;
    const { field: erf } = await ask({
      type: 'effectiveField',
      sample: { source: 'validation', index: 0 },
      layer: 'conv2d_2',
      unit: [5, 1, 0],
    });
    erf.magnitude.values.forEach((v, i) => {
      const [r, c] = [Math.floor(i / 28), i % 28];
      const inside =
        r >= window!.lo[0]! && r <= window!.hi[0]! && c >= window!.lo[1]! && c <= window!.hi[1]!;
      if (!inside) expect(v).toBe(0);
    });
  });

  it('a dropped RGBA image is resized and greyed like training data before predicting', async () => {
    const rgba = new Uint8ClampedArray(56 * 56 * 4).fill(255);
    const { sample, prediction } = await ask({
      type: 'predict',
      sample: { source: 'image', rgba, width: 56, height: 56 },
    });
    expect(sample.input.shape).toEqual([28, 28, 1]);
    expect(sample.input.values.every((v) => v === 1)).toBe(true);
    expect(prediction.ranked).toHaveLength(10);
    expect(prediction.ranked[0]!.probability).toBeGreaterThanOrEqual(
      prediction.ranked[9]!.probability,
    );
  });

  it('evaluates the split, then returns the samples behind a cell and a saliency map', async () => {
    const before = liveTensorCount();
    const report = await ask({ type: 'evaluate' });
    expect(report.count).toBe(40);
    expect(report.confusion.reduce((a, b) => a + b, 0)).toBe(40);
    const views = await ask({ type: 'samples', indices: [0, 5, 99] });
    expect(views.map((v) => v.index)).toEqual([0, 5]);
    const { map } = await ask({
      type: 'saliency',
      sample: { source: 'validation', index: 5 },
      classIndex: 2,
    });
    expect(map.magnitude.shape).toEqual([28, 28]);
    expect(liveTensorCount()).toBe(before);
  });

  it('filters and pre-activation statistics', async () => {
    const filters = await ask({ type: 'filters', layer: 'conv2d_1' });
    expect(filters.kernel.shape).toEqual([5, 5, 1, 16]);
    const stats = await ask({ type: 'preActivations', layer: 'dense_1', sampleCount: 16 });
    expect(stats.sampleCount).toBe(16);
    expect(stats.unitCount).toBe(128);
  });

  it('answers failures as coded results, never by throwing', async () => {
    await expect(handleInspectRequest(null, { type: 'layers' }, data)).resolves.toMatchObject({
      ok: false,
      error: { code: 'no-model' },
    });
    await expect(
      handleInspectRequest(model, { type: 'filters', layer: 'dense_1' }, data),
    ).resolves.toMatchObject({ ok: false, error: { code: 'not-a-convolution' } });
    await expect(
      handleInspectRequest(
        model,
        { type: 'featureMaps', sample: { source: 'validation', index: 400 } },
        data,
      ),
    ).resolves.toMatchObject({ ok: false, error: { code: 'sample-out-of-range' } });
    await expect(handleInspectRequest(model, { type: 'evaluate' }, null)).resolves.toMatchObject({
      ok: false,
      error: { code: 'no-dataset' },
    });
    await expect(
      handleInspectRequest(
        model,
        {
          type: 'featureMaps',
          sample: { source: 'input', input: { values: new Float32Array(10), shape: [10] } },
        },
        data,
      ),
    ).resolves.toMatchObject({ ok: false, error: { code: 'sample-shape-mismatch' } });
    await expect(
      handleInspectRequest(
        model,
        { type: 'predict', sample: { source: 'text', text: 'hi' } },
        data,
      ),
    ).resolves.toMatchObject({ ok: false, error: { code: 'no-dataset' } });
    await expect(handleInspectRequest(model, 'nonsense', data)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('the separate test set', () => {
  /** 30 grey images of classes 2 and 7 only (a test folder may lack classes), already in training indices. */
  function testPayload() {
    const count = 30;
    const pixels = new Uint8Array(count * 784).map((_, i) => (i * 13 + 5) % 256);
    return {
      kind: 'image' as const,
      count,
      pixels,
      options: data.image!,
      labels: Int32Array.from({ length: count }, (_, i) => (i % 2 ? 7 : 2)),
      classNames: data.samples.classNames,
      split: { train: [], validation: Array.from({ length: count }, (_, i) => i) },
    };
  }

  it('is evaluated apart from the validation split, with its own samples and saliency', async () => {
    await expect(
      handleInspectRequest(model, { type: 'evaluate', source: 'test' }, data),
    ).resolves.toMatchObject({ ok: false, error: { code: 'no-test-set' } });

    // Stored even before any model exists (the UI may send it first).
    const stored = await handleInspectRequest(
      null,
      { type: 'setTestSet', id: 4, payload: testPayload() },
      null,
    );
    expect(stored).toEqual({ ok: true, value: { id: 4, count: 30 } });

    const before = liveTensorCount();
    const report = await ask({ type: 'evaluate', source: 'test' });
    expect(report.count).toBe(30);
    expect(report.confusion.reduce((a, b) => a + b, 0)).toBe(30);
    // Rows of the confusion matrix are true classes: only classes 2 and 7 have samples.
    const rowTotals = Array.from({ length: 10 }, (_, r) =>
      report.confusion.slice(r * 10, r * 10 + 10).reduce((a, b) => a + b, 0),
    );
    expect(rowTotals).toEqual([0, 0, 15, 0, 0, 0, 0, 15, 0, 0]);
    // The validation evaluation is unchanged.
    expect((await ask({ type: 'evaluate' })).count).toBe(40);

    const views = await ask({ type: 'samples', source: 'test', indices: [1, 29, 30] });
    expect(views.map((v) => [v.index, v.label])).toEqual([
      [1, 7],
      [29, 7],
    ]);
    // Pixels come back as they were sent (normalised for the model, restored for display).
    expect(views[0]?.image?.pixels[0]).toBe((784 * 13 + 5) % 256);
    const { sample } = await ask({
      type: 'saliency',
      sample: { source: 'test', index: 1 },
      classIndex: 7,
    });
    expect(sample.view?.label).toBe(7);
    expect(liveTensorCount()).toBe(before);

    await ask({ type: 'setTestSet', id: 5, payload: null });
    await expect(
      handleInspectRequest(model, { type: 'samples', source: 'test', indices: [0] }, data),
    ).resolves.toMatchObject({ ok: false, error: { code: 'no-test-set' } });
  });
});
