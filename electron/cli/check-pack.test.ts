import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  buildSubmission,
  compileGraph,
  graphFingerprint,
  readPack,
  saveToArtifacts,
  serializeLabFile,
  serializeProject,
  serializeSubmission,
  tfjsModelFiles,
  type LabPack,
  type ProjectDoc,
} from '../../core/index';
import { checkPack } from './check-pack';

const repo = path.resolve(import.meta.dirname, '../..');
const packPath = path.join(repo, 'assets/packs/course-first-half.layerlab-pack');
let dir = '';
let pack: LabPack;

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(path.join(os.tmpdir(), 'layerlab-check-pack-'));
  const read = readPack(new Uint8Array(await readFile(packPath)));
  if (!read.ok) throw new Error(read.error.message);
  pack = read.value;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The LeNet step's project with a model file and a run that reached `valAccuracy`. */
async function trained(doc: ProjectDoc, valAccuracy: number): Promise<string> {
  const model = compileGraph(doc.graph, { diagnostics: [] });
  const files = tfjsModelFiles(await saveToArtifacts(model), {});
  model.dispose();
  const epoch = {
    epoch: 0,
    loss: 0.6,
    accuracy: 0.8,
    valLoss: 0.7,
    learningRate: 0.001,
    seconds: 2,
  };
  return serializeProject(doc, {
    trainedModel: {
      fingerprint: graphFingerprint(doc.graph),
      trainedAt: '2026-12-07T10:00:00.000Z',
      dataset: {
        kind: 'image',
        folder: { name: 'fashion-mnist', displayPath: '/data/fashion-mnist' },
        testFolder: null,
        classNames: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'],
        split: { seed: 1, validationShare: 0.2 },
        image: null,
        text: null,
        vocabulary: null,
      },
      runs: [
        {
          label: '1',
          settings: doc.training,
          epochs: [{ ...epoch, valAccuracy }],
          bestEpoch: 0,
          outcome: 'completed',
        },
      ],
      files,
    },
  });
}

function submission(student: string, work: { dw5: number; conv11: number; lenet: string }): string {
  const lab = (id: string) => {
    const step = pack.steps.find((s) => s.step.id === id);
    return step && 'lab' in step ? serializeLabFile(step.lab) : null;
  };
  const at = '2026-12-07T09:30:00.000Z';
  const progress = (text: string | null, answers: Record<string, number>, done = false) => ({
    openedAt: at,
    updatedAt: at,
    work: text,
    answers,
    done,
    results: [],
  });
  return serializeSubmission(
    buildSubmission({
      packId: pack.manifest.packId,
      packTitle: pack.manifest.title.en,
      stepIds: pack.steps.map((s) => s.step.id),
      student,
      createdAt: '2026-12-07T10:00:00.000Z',
      appVersion: '0.1.0',
      progress: {
        reading: progress(null, {}, true),
        backprop: progress(lab('backprop'), { dw5: work.dw5 }),
        lenet: progress(work.lenet, {}),
        convolution: progress(lab('convolution'), { conv11: work.conv11 }),
      },
    }),
  );
}

describe('check-pack', () => {
  it('rechecks a passing and a failing submission and writes the CSV and HTML report', async () => {
    const lenet = pack.steps.find((s) => s.step.id === 'lenet');
    if (!lenet || !('project' in lenet)) throw new Error('no LeNet step');
    const keys = pack.answers;
    const good = path.join(dir, 'good.layerlab-submission');
    const bad = path.join(dir, 'bad.layerlab-submission');
    const broken = path.join(dir, 'broken.layerlab-submission');
    await writeFile(
      good,
      submission('王小明', {
        dw5: Number((keys.dw5 ?? 0).toFixed(4)),
        conv11: keys.conv11 ?? 0,
        lenet: await trained(lenet.project, 0.75),
      }),
    );
    await writeFile(
      bad,
      submission('=cmd|"/c calc"!A1', {
        dw5: 0.5,
        conv11: (keys.conv11 ?? 0) + 1,
        lenet: await trained(lenet.project, 0.3),
      }),
    );
    await writeFile(broken, '<html>not a submission</html>');

    const summary = await checkPack([packPath, good, bad, broken, '--out', dir, '--lang', 'en']);
    expect(summary.rows.map((r) => [r.student, r.passedSteps])).toEqual([
      ['=cmd|"/c calc"!A1', 1],
      ['王小明', 4],
    ]);
    expect(summary.unread.map((u) => u.file)).toEqual(['broken.layerlab-submission']);

    const csv = await readFile(summary.csvPath, 'utf8');
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv).toContain('"王小明","2026-12-07T10:00:00.000Z","4/4"');
    expect(csv).toMatch(/validation accuracy is 0.3; it should be >= 0.6/);
    const html = await readFile(summary.htmlPath, 'utf8');
    expect(html).toContain('<td class="fail">fail: 0.5 is not dL/dw5 (within 0.001)');
    expect(html).toContain('not a LayerLab submission');
  }, 60_000);

  it('runs as `npm run check-pack` and refuses a file that is not a package', async () => {
    const notPack = path.join(dir, 'notes.layerlab-pack');
    await writeFile(notPack, 'plain text');
    const run = promisify(execFile);
    const tsx = pathToFileURL(path.join(repo, 'node_modules/tsx/dist/loader.mjs')).href;
    const result = await run(
      process.execPath,
      [
        '--import',
        tsx,
        path.join(repo, 'scripts/check-pack.ts'),
        notPack,
        notPack,
        '--lang',
        'zh-CN',
      ],
      { cwd: dir },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('这个文件不是 LayerLab 实验包');
  }, 60_000);
});
