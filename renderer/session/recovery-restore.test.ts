import { describe, expect, it } from 'vitest';

import { decodeTrainingCheckpoint, parseProject, serializeProject } from '@core';

import { createMemoryHost } from '../host/memory-host';
import { unsavedFile } from '../state/editor-store';
import { setParamOp } from '../state/graph-ops';
import { createInProcessTrainingClient } from './testing/in-process-training';
import { reviews, textProject, until } from './testing/text-task';
import { createWorkspace } from './workspace';

/**
 * Crash recovery through the real session, controllers and training-worker
 * logic (in process, TF.js CPU): what a killed window leaves in the recovery
 * store, and a next start restoring it and resuming training from the last
 * finished epoch.
 */
describe('crash recovery of a project session', () => {
  it('keeps edits and a checkpoint per epoch; a restored session is unsaved and resumes at epoch N+1', async () => {
    const host = createMemoryHost();
    const client = createInProcessTrainingClient();
    const workspace = createWorkspace({ training: client, recovery: { host } });
    const file = {
      fileId: 'file-0001',
      name: 'reviews.layerlab',
      displayPath: '/t/reviews.layerlab',
    };
    const base = textProject('Reviews');
    const doc = { ...base, training: { ...base.training, epochs: 12 } };
    const a = await workspace.open({ doc, file });
    const id = a.recovery?.sessionId ?? '';
    expect(host.recovery.has(id)).toBe(false); // nothing unsaved yet

    // An edit reaches the store within about a second.
    const embedding = Object.values(a.editor.getState().doc.graph.nodes).find(
      (n) => n.kind === 'Embedding',
    );
    if (embedding === undefined) throw new Error('no Embedding layer');
    setParamOp(a.editor, embedding.id, 'outputDim', 5);
    await until(() => host.recovery.get(id)?.document !== undefined, 'the document write');
    const kept = parseProject(host.recovery.get(id)?.document?.contents ?? '');
    expect(
      kept.ok && Object.values(kept.value.graph.nodes).find((n) => n.kind === 'Embedding')?.params,
    ).toMatchObject({ outputDim: 5 });
    expect(host.recovery.get(id)?.document?.file).toEqual(file);

    // Train, and "kill" the window after epoch 2: stop as soon as the checkpoint of epoch 2 is kept.
    await a.dataset.controller.load(reviews, 'text');
    await a.training.controller.start();
    const epochsKept = (): number => {
      const text = host.recovery.get(id)?.checkpoint?.contents;
      const decoded = text === undefined ? null : decodeTrainingCheckpoint(text);
      return decoded?.ok === true ? decoded.value.epochsDone : 0;
    };
    await until(() => epochsKept() >= 2, 'the checkpoint of epoch 2');
    a.training.controller.stop();
    await until(
      () =>
        a.training.store.getState().machine.status === 'stopped' ||
        a.training.store.getState().machine.status === 'completed',
      'the stop',
    );
    const left = host.recovery.get(id);
    const checkpointText = left?.checkpoint?.contents ?? '';
    const checkpoint = decodeTrainingCheckpoint(checkpointText);
    if (!checkpoint.ok) throw new Error(checkpoint.error.detail);
    const n = checkpoint.value.epochsDone;
    expect(n).toBeGreaterThanOrEqual(2);
    expect(checkpoint.value.runs.at(-1)?.epochs).toHaveLength(n);
    expect(checkpoint.value.weights.length).toBeGreaterThan(0);

    // Next start: a second window over what the first left (a crash disposes nothing).
    const next = createMemoryHost({
      recovery: [
        {
          sessionId: id,
          kind: 'project',
          title: left?.document?.title ?? '',
          file: left?.document?.file ?? null,
          savedAt: left?.document?.savedAt ?? '',
          hasCheckpoint: true,
          contents: left?.document?.contents ?? '',
          checkpoint: checkpointText,
        },
      ],
    });
    const listed = await next.listRecovery();
    expect(listed.ok && listed.value.entries.map((e) => e.sessionId)).toEqual([id]);
    const read = await next.readRecovery({ sessionId: id });
    if (!read.ok) throw new Error(read.error.message);
    const restoredDoc = parseProject(read.value.contents);
    if (!restoredDoc.ok) throw new Error('unparseable');
    const client2 = createInProcessTrainingClient();
    const workspace2 = createWorkspace({ training: client2, recovery: { host: next } });
    const b = await workspace2.open({
      doc: restoredDoc.value,
      file: read.value.file ?? unsavedFile,
      recovered: { sessionId: id, checkpoint: checkpoint.value },
    });
    expect(b.isDirty()).toBe(true); // unsaved, with its original file
    expect(b.editor.getState().file.fileId).toBe('file-0001');
    expect(b.resumeOffer.getState().checkpoint?.epochsDone).toBe(n);

    await b.dataset.controller.load(reviews, 'text');
    await b.training.controller.start({ resumeFrom: checkpoint.value });
    await until(
      () => b.training.store.getState().machine.status === 'completed',
      'the resumed run',
    );
    const run = b.training.store.getState().runs.at(-1);
    // The curve goes on: the first N epochs are the killed run's, the rest were trained now.
    expect(run?.epochs.map((e) => e.epoch)).toEqual([...Array(12).keys()]);
    expect(n).toBeLessThan(12); // it was killed mid-way
    expect(run?.epochs.slice(0, n)).toEqual(checkpoint.value.runs.at(-1)?.epochs);
    expect(run?.label).toBe(checkpoint.value.runs.at(-1)?.label);

    // Closing after "Don't save" (the workspace closes only after asking) deletes the entry.
    await workspace2.close();
    expect(next.recovery.has(id)).toBe(false);
    await workspace.close();
    expect(host.recovery.has(id)).toBe(false);
    expect(serializeProject(restoredDoc.value)).toContain('Reviews');
  }, 120_000);
});
