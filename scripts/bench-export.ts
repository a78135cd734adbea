/**
 * Export figures (npm run bench:export): time to build an export folder,
 * its size, time to import it back as a graph, and how closely the TF.js
 * reload and the PyTorch route reproduce the model. Prints a table; asserts
 * nothing (speed is shown here, never in unit tests).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import * as tf from '@tensorflow/tfjs';

import {
  buildExportFolder,
  checkExportParity,
  compareProbabilities,
  encodeNpy,
  importLayersModel,
  tfjsVersion,
} from '../core/index';
import type { ExportInfo } from '../core/index';
import { buildTestModel } from '../core/io/export/testing/test-models';
import type { TestModel, TestModelKind } from '../core/io/export/testing/test-models';
import {
  findTorchPython,
  makeExportDir,
  readNpyRows,
  repoRoot,
  writeFileMap,
} from './export-test-support';

/** The LeNet template's network (about 80k parameters), untrained. */
function lenet(): TestModel {
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 5, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 32, kernelSize: 5, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  const info: ExportInfo = {
    modelName: 'lenet',
    labels: Array.from({ length: 10 }, (_, i) => String(i)),
    inputShape: [null, 28, 28, 1],
    image: {
      width: 28,
      height: 28,
      colorMode: 'grayscale',
      resizeMode: 'stretch',
      normalization: 'zeroToOne',
    },
    text: null,
    versions: { layerlab: '0.1.0', tfjs: tfjsVersion },
    training: null,
    exportedAt: new Date().toISOString(),
  };
  return { model, samples: tf.randomUniform([32, 28, 28, 1], 0, 1, 'float32', 7), info };
}

const bytes = (v: Uint8Array | string): number =>
  typeof v === 'string' ? Buffer.byteLength(v) : v.byteLength;

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  const python = findTorchPython();
  console.log(
    `TF.js ${tfjsVersion} (cpu backend) · PyTorch: ${'python' in python ? python.python : 'not available'}`,
  );
  console.log(
    'model        params  export ms  folder KB  import ms  tfjs Δ   torch top-1  torch Δ',
  );
  const kinds: (TestModelKind | 'lenet')[] = ['mlp', 'cnn', 'lstm', 'gru', 'branch', 'lenet'];
  for (const kind of kinds) {
    const { model, samples, info } = kind === 'lenet' ? lenet() : await buildTestModel(kind);
    let t0 = performance.now();
    const built = await buildExportFolder(model, info);
    const exportMs = performance.now() - t0;
    if (!built.ok) throw new Error(built.error.message);
    const files = built.value.files;
    const size = Object.values(files).reduce((s, v) => s + bytes(v), 0) / 1024;
    t0 = performance.now();
    const imported = importLayersModel(files);
    const importMs = performance.now() - t0;
    if (!imported.ok) throw new Error(imported.error.message);
    const parity = await checkExportParity(model, files, samples);
    const tfjsDiff = parity.ok ? parity.value.maxProbDiff : Number.NaN;
    let torch = 'n/a';
    if ('python' in python && built.value.pytorch.available) {
      const { dir, remove } = makeExportDir(`bench-${kind}`);
      writeFileMap(dir, files);
      writeFileSync(
        join(dir, 'samples.npy'),
        encodeNpy({
          dtype: 'float32',
          shape: samples.shape,
          values: samples.dataSync() as Float32Array,
        }),
      );
      const run = spawnSync(
        python.python,
        [
          join(repoRoot, 'core/io/export/python/parity_check.py'),
          dir,
          join(dir, 'samples.npy'),
          join(dir, 'out.npy'),
        ],
        { encoding: 'utf8' },
      );
      if (run.status === 0) {
        const report = compareProbabilities(
          tf.tidy(() => (model.predict(samples) as tf.Tensor).arraySync() as number[][]),
          readNpyRows(readFileSync(join(dir, 'out.npy'))),
        );
        torch = `${report.sameTop1}/${report.total}      ${report.maxProbDiff.toExponential(1)}`;
      } else torch = `failed: ${run.stderr.trim().split('\n').pop() ?? ''}`;
      remove();
    }
    console.log(
      `${kind.padEnd(10)} ${String(model.countParams()).padStart(8)} ${exportMs.toFixed(0).padStart(10)} ${size.toFixed(0).padStart(10)} ${importMs.toFixed(1).padStart(10)}  ${tfjsDiff.toExponential(0).padEnd(7)}  ${torch}`,
    );
    model.dispose();
    samples.dispose();
  }
}

await main();
