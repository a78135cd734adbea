import { buildPytorchFiles, readModelFolder } from '@core';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { createInProcessTrainingClient } from '../../session/testing/in-process-training';
import { textProject, train } from '../../session/testing/text-task';
import { workspacesClosedAfterEach } from '../../session/testing/test-workspaces';
import type { ProjectSession } from '../../session/project-session';
import { unsavedFile } from '../../state/editor-store';
import type { ExportClient } from './export-client';
import { importTorchTraining } from './torch-weights-import';
import { runTorchWeights } from './torch-weights-session';

/**
 * "Import weights trained elsewhere…" with the worker's real conversion run
 * in-process: train.py's output (here: the project's own trained weights as
 * weights.npz, with a run record) becomes the project's model and run, and
 * weights of another network are refused with core's code.
 */

const training = createInProcessTrainingClient();
const newWorkspace = workspacesClosedAfterEach(training);

const client = {
  exportModel: () => Promise.reject(new Error('not used')),
  importModel: () => Promise.reject(new Error('not used')),
  torchWeights: runTorchWeights,
} satisfies ExportClient;

/** What train.py would write for the session's trained model: weights.npz and train-metrics.json. */
async function trainPyOutput(session: ProjectSession, labels?: readonly string[]) {
  const record = await session.modelForSave();
  if (record === null) throw new Error('no trained model');
  const folder = readModelFolder(record.files);
  if (!folder.ok) throw new Error(folder.error.message);
  const torch = buildPytorchFiles(folder.value.topology, folder.value.weights.weights, '');
  if (!torch.ok) throw new Error(torch.error.message);
  const doc = session.editor.getState().doc;
  const metrics = {
    format: 'layerlab-train-run',
    version: 1,
    settings: doc.training,
    epochs: [0, 1].map((epoch) => ({
      epoch,
      loss: 0.5,
      accuracy: 0.8,
      valLoss: 0.6,
      valAccuracy: 0.75,
      learningRate: 0.001,
      seconds: 1,
    })),
    bestEpoch: 1,
    outcome: 'completed',
    processes: 2,
    device: 'cpu',
    finishedAt: '2026-12-07T00:00:00Z',
    labels: labels ?? record.dataset.classNames,
  };
  return {
    'weights.npz': torch.value.weightsNpz,
    'train-metrics.json': new TextEncoder().encode(JSON.stringify(metrics)),
  };
}

const runLabel = (n: number) => `PyTorch · ${n}`;

describe('importTorchTraining', () => {
  it("makes train.py's weights and run the project's model and run, unsaved", async () => {
    const workspace = newWorkspace();
    const session = await workspace.open({ doc: textProject('torch'), file: unsavedFile });
    await train(session);
    const runsBefore = session.training.store.getState().runs.length;
    const files = await trainPyOutput(session);
    const outcome = await importTorchTraining(session, client, files, { runLabel });
    expect(outcome).toEqual({ status: 'done', epochs: 2, processes: 2, valAccuracy: 0.75 });
    const runs = session.training.store.getState().runs;
    expect(runs).toHaveLength(runsBefore + 1);
    expect(runs.at(-1)?.label).toBe('PyTorch · 2');
    expect(session.model.getState().status).toBe('ready');
    expect(session.isDirty()).toBe(true);
  });

  it('refuses weights that do not fit the network, and weights for other classes', async () => {
    const workspace = newWorkspace();
    const session = await workspace.open({ doc: textProject('torch-bad'), file: unsavedFile });
    await train(session);
    const files = await trainPyOutput(session);
    const entries: Record<string, Uint8Array> = unzipSync(files['weights.npz']);
    const dropped = Object.keys(entries)[0] ?? '';
    delete entries[dropped];
    const outcome = await importTorchTraining(
      session,
      client,
      { ...files, 'weights.npz': zipSync(entries) },
      { runLabel },
    );
    expect(outcome).toEqual({
      status: 'refused',
      code: 'torch-weights-missing',
      args: { key: dropped.slice(0, -'.npy'.length) },
    });
    const other = await trainPyOutput(session, ['a', 'b', 'c']);
    expect(await importTorchTraining(session, client, other, { runLabel })).toMatchObject({
      status: 'other-classes',
      trained: ['a', 'b', 'c'],
    });
    expect(
      await importTorchTraining(
        session,
        client,
        { 'weights.npz': files['weights.npz'] },
        { runLabel },
      ),
    ).toEqual({
      status: 'missing',
      file: 'train-metrics.json',
    });
  });
});
