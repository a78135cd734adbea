import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';

import { decodeUtf8 } from '../import/text-codec';
import { buildExportFolder, exportModel } from './export-model';
import { checkExportParity } from './parity';
import { buildTestModel } from './testing/test-models';
import type { TestModelKind } from './testing/test-models';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface MetaJson {
  labels: string[];
  inputShape: (number | null)[];
  task: string;
  preprocessing: { image: Record<string, unknown> | null; text: Record<string, unknown> | null };
  versions: unknown;
  training: unknown;
  pytorch: unknown;
  onnx: unknown;
}
interface ModelJson {
  format: string;
  userDefinedMetadata: { labels: string[] };
  weightsManifest: { paths: string[] }[];
}

const text = (v: Uint8Array | string | undefined): string =>
  typeof v === 'string' ? v : v === undefined ? '' : decodeUtf8(v);

describe('exportModel', () => {
  const kinds: TestModelKind[] = ['mlp', 'cnn', 'lstm', 'gru', 'branch'];
  for (const kind of kinds) {
    it(`exports a ${kind} that reloads with identical predictions (parity 0 on CPU)`, async () => {
      const { model, samples, info } = await buildTestModel(kind);
      const files = await exportModel(model, info);
      const parity = await checkExportParity(model, files, samples);
      expect(parity).toEqual({ ok: true, value: { sameTop1: 24, total: 24, maxProbDiff: 0 } });
      model.dispose();
      samples.dispose();
    });
  }

  it('writes every file of the folder, consistent with the labels and preprocessing', async () => {
    const { model, info } = await buildTestModel('cnn');
    const bundle = 'console.log("tf")';
    const files = await exportModel(model, info, { tfjsBundle: new TextEncoder().encode(bundle) });
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.md',
        'group1-shard1of1.bin',
        'labels.txt',
        'metadata.json',
        'model.json',
        'model.onnx',
        'model.py',
        'predict-data.js',
        'predict.html',
        'predict.mjs',
        'predict.py',
        'tf.min.js',
        'weights.npz',
      ].sort(),
    );
    expect(text(files['labels.txt'])).toBe('0 猫\n1 dog\n2 bird\n');
    const meta = JSON.parse(text(files['metadata.json'])) as MetaJson;
    expect(meta['labels']).toEqual(['猫', 'dog', 'bird']);
    expect(meta['inputShape']).toEqual([null, 12, 12, 1]);
    expect(meta.preprocessing.image).toMatchObject({
      width: 12,
      height: 12,
      colorMode: 'grayscale',
      resizeMode: 'stretch',
      normalization: 'zeroToOne',
    });
    expect(meta['versions']).toEqual({ layerlab: '0.1.0', tfjs: tf.version.tfjs });
    expect(meta['training']).toMatchObject({ epochs: 2, finalMetrics: { loss: 1, acc: 0.5 } });
    expect(meta['pytorch']).toEqual({ available: true });
    expect(meta['onnx']).toEqual({ available: true });
    const modelJson = JSON.parse(text(files['model.json'])) as ModelJson;
    expect(modelJson['format']).toBe('layers-model');
    expect(modelJson.userDefinedMetadata.labels).toEqual(['猫', 'dog', 'bird']);
    expect(modelJson.weightsManifest[0]?.paths).toEqual(['group1-shard1of1.bin']);
    const readme = text(files['README.md']);
    expect(readme).toMatch(
      /tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras model\.json model\.h5/,
    );
    expect(readme).toMatch(/python3 -m http\.server/);
    expect(readme).toMatch(/这个模型把输入分为 3 类/);
    expect(readme).toMatch(/This model sorts its input into 3 classes/);
    expect(text(files['predict.html'])).toContain(
      '<script src="./tf.min.js"></script>\n<script src="./predict-data.js"></script>',
    );
    expect(readme).toMatch(/Double-click `predict.html`/);
    // The README runs model.onnx in ONNX Runtime from Python and Node, with the input as the model wants it.
    expect(readme).toMatch(/session\.run\(\["output"\], \{"input": x\}\)/);
    expect(readme).toMatch(/np\.zeros\(\(1, 12, 12, 1\), dtype=np\.float32\)/);
    expect(readme).toMatch(/InferenceSession\.create\('model\.onnx'\)/);
    expect(readme).toMatch(/用 ONNX Runtime 运行（model\.onnx）/);
    expect(text(files['tf.min.js'])).toBe(bundle);
    const npz = unzipSync(files['weights.npz'] as Uint8Array);
    expect(Object.keys(npz)).toContain('conv_a.weight.npy');
    expect(Object.keys(npz)).toContain('bn.running_var.npy');
    model.dispose();
  });

  it('writes vocab.json for text models, in index order', async () => {
    const { model, info } = await buildTestModel('lstm');
    const files = await exportModel(model, info);
    expect(JSON.parse(text(files['vocab.json']))).toEqual(info.text?.vocabulary);
    const meta = JSON.parse(text(files['metadata.json'])) as MetaJson;
    expect(meta['task']).toBe('text');
    expect(meta.preprocessing.text).toMatchObject({
      vocabularyFile: 'vocab.json',
      sequenceLength: 10,
      split: 'whitespace',
      paddingIndex: 0,
      unknownIndex: 1,
    });
    model.dispose();
  });

  it('splits weights into shards that still reload identically', async () => {
    const { model, samples, info } = await buildTestModel('mlp');
    const files = await exportModel(model, info, { shardBytes: 100 });
    const paths =
      (JSON.parse(text(files['model.json'])) as { weightsManifest: { paths: string[] }[] })
        .weightsManifest[0]?.paths ?? [];
    expect(paths.length).toBeGreaterThan(3);
    for (const p of paths) expect(files[p]).toBeInstanceOf(Uint8Array);
    const parity = await checkExportParity(model, files, samples);
    expect(parity.ok && parity.value.maxProbDiff).toBe(0);
    model.dispose();
  });

  it('refuses labels that do not match the output units', async () => {
    const { model, info } = await buildTestModel('mlp');
    const result = await buildExportFolder(model, { ...info, labels: ['only', 'two'] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('export-labels-mismatch');
    await expect(exportModel(model, { ...info, labels: ['x'] })).rejects.toMatchObject({
      code: 'export-labels-mismatch',
    });
    model.dispose();
  });

  it('refuses to export a model whose weights went NaN, naming the weight', async () => {
    const { model, info } = await buildTestModel('mlp');
    const layer = model.getLayer('hidden');
    const [kernel, bias] = layer.getWeights();
    layer.setWeights([tf.fill(kernel?.shape ?? [8, 16], Number.NaN), bias ?? tf.zeros([16])]);
    const result = await buildExportFolder(model, info);
    expect(!result.ok && result.error).toMatchObject({
      code: 'export-invalid-model',
      message: expect.stringMatching(/hidden\/kernel/),
    });
    model.dispose();
  });

  it('still exports the TF.js files when a layer has no PyTorch form, and says why', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [4], units: 3, name: 'd' }),
        tf.layers.layerNormalization({ name: 'ln' }),
      ],
    });
    const { info } = await buildTestModel('mlp');
    const result = await buildExportFolder(model, { ...info, inputShape: [null, 4] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.pytorch).toMatchObject({
      available: false,
      code: 'pytorch-unsupported',
      reason: expect.stringMatching(/"ln".*LayerNormalization/),
      layer: 'ln',
      kind: 'LayerNormalization',
    });
    expect(result.value.files['model.py']).toBeUndefined();
    expect(result.value.files['model.json']).toBeDefined();
    expect(text(result.value.files['README.md'])).toMatch(
      /No PyTorch version was exported for this model: Layer "ln"/,
    );
    expect(result.value.onnx).toMatchObject({
      available: false,
      code: 'onnx-unsupported',
      reason: expect.stringMatching(/"ln".*LayerNormalization/),
      layer: 'ln',
      kind: 'LayerNormalization',
    });
    expect(result.value.files['model.onnx']).toBeUndefined();
    expect(text(result.value.files['README.md'])).toMatch(
      /No ONNX version was exported for this model: Layer "ln"/,
    );
    model.dispose();
  });
});
