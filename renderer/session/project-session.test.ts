import { beforeAll, describe, expect, it } from 'vitest';

import { createProject, graphFingerprint, readTrainedModel, serializeProject } from '@core';

import { unsavedFile } from '../state/editor-store';
import { setParamOp } from '../state/graph-ops';
import { modelAvailability } from './model-store';
import type { ProjectSession } from './project-session';
import { createInProcessTrainingClient } from './testing/in-process-training';
import { reviews, textProject, train, until } from './testing/text-task';
import { createWorkspace } from './workspace';

/**
 * Project sessions end to end in Node: the real controllers and stores, and
 * the real training-worker logic in process (TF.js CPU). Nothing of one
 * project may reach the next: not its dataset, runs or model, nor tensors in
 * the worker.
 */

const client = createInProcessTrainingClient();

/** The worker's live tensors with no project open (TF.js may keep a few of its own). */
let baseline = 0;
beforeAll(async () => {
  baseline = await client.reset();
});

function lastReset() {
  return client.received.filter((m) => m.type === 'reset-done').at(-1);
}

async function predictProbabilities(session: ProjectSession, text: string): Promise<number[]> {
  const reply = await session.inspect.request({
    type: 'predict',
    sample: { source: 'text', text },
  });
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return Array.from(reply.value.prediction.probabilities);
}

describe('project session', () => {
  it('closing a trained project leaves nothing of it in the next one, nor in the worker', async () => {
    const workspace = createWorkspace({ training: client });
    const a = await workspace.open({ doc: textProject('A'), file: unsavedFile });
    await train(a);
    expect(a.training.store.getState().runs).toHaveLength(1);
    expect((await a.inspect.request({ type: 'layers' })).ok).toBe(true);

    // Close without saving, then open another project.
    const b = await workspace.open({ doc: createProject('B'), file: unsavedFile });
    expect(a.signal.aborted).toBe(true);
    // Every store of the closed session was emptied…
    expect(a.dataset.loaded.getState().dataset).toBeNull();
    expect(a.training.store.getState().runs).toEqual([]);
    expect(a.model.getState().status).toBe('none');
    // …and the worker freed the model and data: its tensors are back to the baseline.
    expect(await client.reset()).toBe(baseline);

    // The new project starts empty: no dataset, no runs, no model, and inspection says so.
    expect(b.editor.getState().doc.name).toBe('B');
    expect(b.dataset.loaded.getState().dataset).toBeNull();
    expect(b.dataset.runtime.getState().status).toBe('idle');
    expect(b.training.store.getState().runs).toEqual([]);
    expect(modelAvailability(b.model.getState(), b.editor.getState().doc.graph)).toBe('none');
    const layers = await b.inspect.request({ type: 'layers' });
    expect(layers.ok ? 'answered' : layers.error.code).toBe('no-model');
    expect(await b.modelForSave()).toBeNull();
    // A request of the closed session is refused instead of reaching B's worker state.
    const stale = await a.inspect.request({ type: 'layers' });
    expect(stale.ok).toBe(false);
    await workspace.close();
  });

  it('disposing during a run stops it and the worker forgets it', async () => {
    const workspace = createWorkspace({ training: client });
    const doc = textProject('long');
    const a = await workspace.open({
      doc: { ...doc, training: { ...doc.training, epochs: 500 } },
      file: unsavedFile,
    });
    await a.dataset.controller.load(reviews, 'text');
    await a.training.controller.start();
    await until(() => a.training.store.getState().machine.status === 'training', 'training');
    const runId = a.training.store.getState().runId;
    const tensors = await workspace.close();
    expect(workspace.current()).toBeNull();
    const resetAt = client.received.findIndex((m) => m.type === 'reset-done' && m === lastReset());
    // No batch of that run arrives once the worker was reset (given time for several batches).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = client.received.slice(resetAt + 1);
    expect(later.some((m) => m.type === 'batch' && m.runId === runId)).toBe(false);
    // Once the interrupted batch has unwound, the model, optimizer and data are freed: the
    // worker holds what it held before any project.
    expect(tensors).toBeGreaterThanOrEqual(baseline);
    expect(await client.reset()).toBe(baseline);
  });

  it('saves the trained model with the project and restores it on open: same predictions', async () => {
    const workspace = createWorkspace({ training: client });
    const a = await workspace.open({ doc: textProject('saved'), file: unsavedFile });
    await train(a);
    expect(a.isDirty()).toBe(true); // the model is not saved yet
    const before = await predictProbabilities(a, 'great lovely fast');
    const record = await a.modelForSave();
    expect(record).not.toBeNull();
    const doc = a.editor.getState().doc;
    const text = serializeProject(doc, { trainedModel: record });
    a.markModelSaved(record);
    a.editor.getState().markSaved(doc, { fileId: 'f', name: 'saved.layerlab', displayPath: '/x' });
    expect(a.isDirty()).toBe(false);

    const trained = readTrainedModel(text, doc.graph);
    expect(trained.status).toBe('restored');
    const b = await workspace.open({ doc, file: unsavedFile, trained });
    await until(() => b.model.getState().status === 'ready', 'the restore');
    expect(b.model.getState()).toMatchObject({ origin: 'restored' });
    expect(await predictProbabilities(b, 'great lovely fast')).toEqual(before);
    // The runs' curves come back with it.
    expect(b.training.store.getState().runs[0]?.epochs).toHaveLength(2);
    // Loading the same folder again gives the restored model its samples for evaluation.
    await b.dataset.controller.load(reviews, 'text');
    await until(() => b.dataset.loaded.getState().dataset !== null, 'the dataset to load');
    await client.idle();
    const evaluation = await b.inspect.request({ type: 'evaluate' });
    expect(evaluation.ok).toBe(true);
    await workspace.close();
  });

  it('a model whose network changed after training is stale and is not saved', async () => {
    const workspace = createWorkspace({ training: client });
    const a = await workspace.open({ doc: textProject('stale'), file: unsavedFile });
    await train(a);
    const graph = a.editor.getState().doc.graph;
    const embedding = Object.values(graph.nodes).find((n) => n.kind === 'Embedding')!;
    setParamOp(a.editor, embedding.id, 'outputDim', 6);
    const after = a.editor.getState().doc.graph;
    expect(modelAvailability(a.model.getState(), after)).toBe('stale');
    expect(await a.modelForSave()).toBeNull();
    // Undo brings the network back to what was trained: the model fits again.
    a.editor.getState().undo();
    expect(modelAvailability(a.model.getState(), a.editor.getState().doc.graph)).toBe('ready');
    await workspace.close();
  });

  it('opens a project whose saved weights do not fit, with the network intact and the reason', async () => {
    const workspace = createWorkspace({ training: client });
    const a = await workspace.open({ doc: textProject('wide'), file: unsavedFile });
    await train(a);
    const record = (await a.modelForSave())!;
    // Another network with the same layer names but a wider embedding, claiming the saved model.
    const doc = a.editor.getState().doc;
    const embedding = Object.values(doc.graph.nodes).find((n) => n.kind === 'Embedding')!;
    const changed = {
      ...doc,
      graph: {
        ...doc.graph,
        nodes: {
          ...doc.graph.nodes,
          [embedding.id]: { ...embedding, params: { ...embedding.params, outputDim: 6 } },
        },
      },
    };
    const failures: string[] = [];
    const other = createWorkspace({
      training: client,
      onRestoreFailed: (e) => failures.push(e.code),
    });
    await workspace.close();
    const b = await other.open({
      doc: changed,
      file: unsavedFile,
      trained: {
        status: 'restored',
        record: { ...record, fingerprint: graphFingerprint(changed.graph) },
      },
    });
    await until(() => b.model.getState().status === 'none', 'the refusal');
    expect(b.model.getState()).toMatchObject({
      restoreError: { code: 'trained-model-wrong-shape' },
    });
    expect(failures).toEqual(['trained-model-wrong-shape']);
    expect(b.editor.getState().doc).toBe(changed);
    expect((await b.inspect.request({ type: 'layers' })).ok).toBe(false);
    await other.close();
  });
});
