import { afterEach, describe, expect, it } from 'vitest';

import { createProject } from '@core';

import { createProjectSession, type ProjectSession } from '../../session/project-session';
import { createInProcessTrainingClient } from '../../session/testing/in-process-training';
import { memoryTextFolder } from '../../session/testing/memory-folder';
import { unsavedFile } from '../../state/editor-store';
import { toTestPayload } from './test-set';

/**
 * The test folder through the real controller and the app's text loader
 * (text needs no decode workers, so it runs in Node): class names are matched
 * to the training folder's indices, an unknown class is reported and left
 * out, the folder is saved in the project and survives a training reload.
 */

const training = memoryTextFolder('reviews', {
  'bad/1.txt': 'awful slow broken',
  'bad/2.txt': 'broken again awful',
  'bad/3.txt': 'slow and awful',
  'good/1.txt': 'great fast lovely',
  'good/2.txt': 'lovely great product',
  'good/3.txt': 'fast and great',
});

/** Lists only `good` (fewer classes than training) plus a class training lacks, and one empty file. */
const testFolder = memoryTextFolder('reviews-test', {
  'good/a.txt': 'great lovely',
  'good/b.txt': 'fast great',
  'good/empty.txt': '',
  'neutral/a.txt': 'it is fine',
});

const client = createInProcessTrainingClient();
let session: ProjectSession | null = null;

/** A project session of its own per test: nothing carries over from the previous test. */
function newSession() {
  session = createProjectSession(
    { doc: createProject('test'), file: unsavedFile },
    { id: 1, training: client },
  );
  const { editor: store, dataset } = session;
  return {
    store,
    loadDatasetFolder: dataset.controller.load,
    loadTestFolder: dataset.testFolder.load,
    removeTestFolder: dataset.testFolder.remove,
    testFolderState: () => dataset.testFolderRuntime.getState(),
    currentTestSet: () => dataset.testSet.getState().testSet,
    loaded: () => dataset.loaded.getState().dataset,
  };
}

afterEach(async () => {
  await session?.dispose();
  session = null;
});

describe('test folder', () => {
  it('needs a training folder first', async () => {
    const t = newSession();
    await t.loadTestFolder(testFolder);
    expect(t.testFolderState()).toMatchObject({
      status: 'error',
      error: { key: 'test.needsTraining' },
    });
    expect(t.currentTestSet()).toBeNull();
  });

  it('labels test samples with the training class indices and reports an unknown class', async () => {
    const t = newSession();
    await t.loadDatasetFolder(training, 'text');
    expect(t.store.getState().doc.dataset?.classNames).toEqual(['bad', 'good']);

    await t.loadTestFolder(testFolder);
    const runtime = t.testFolderState();
    expect(runtime.status).toBe('ready');
    expect(runtime.alignment).toEqual({
      count: 2,
      perClass: [
        { name: 'bad', count: 0 },
        { name: 'good', count: 2 },
      ],
      unknownClasses: ['neutral'],
      leftOut: 1,
    });
    expect(runtime.report?.skipped).toEqual([{ path: 'good/empty.txt', reason: 'empty' }]);

    // "good" is index 1 in training even though it is the test folder's first class.
    const testSet = t.currentTestSet();
    expect(testSet?.kind).toBe('text');
    expect([...(testSet?.labels ?? [])]).toEqual([1, 1]);
    expect(t.store.getState().doc.dataset?.testFolder).toEqual({
      name: 'reviews-test',
      displayPath: '/data/reviews-test',
    });

    // Tokenised with the training vocabulary: "great" is known, "it"/"fine" never reach the model.
    const payload = await toTestPayload(testSet!);
    const vocabulary = t.store.getState().doc.dataset?.vocabulary ?? [];
    expect(payload.kind).toBe('text');
    if (payload.kind !== 'text') return;
    expect(payload.split).toEqual({ train: [], validation: [0, 1] });
    // Padded before the words (the default), so the first word is the first non-zero id.
    const firstSample = [...payload.tokens.slice(0, payload.sequenceLength)];
    expect(firstSample.find((id) => id !== 0)).toBe(vocabulary.indexOf('great'));
    expect(firstSample[0]).toBe(0);
    expect(vocabulary).not.toContain('fine');
  });

  it('stays in the project when the training folder is reloaded, and is removed on request', async () => {
    const t = newSession();
    await t.loadDatasetFolder(training, 'text');
    await t.loadTestFolder(testFolder);
    const firstId = t.currentTestSet()?.id;

    await t.loadDatasetFolder(training, 'text', { split: { seed: 9, validationShare: 0.4 } });
    // The reload re-decodes the test folder in the background; wait for its new copy.
    await expect.poll(() => t.currentTestSet()?.id).not.toBe(firstId);
    expect(t.testFolderState().status).toBe('ready');
    expect(t.store.getState().doc.dataset?.testFolder?.name).toBe('reviews-test');
    // The whole training folder still makes train + validation; no test sample is in the run's data.
    const run = t.loaded();
    expect(run?.plan.split.train.length).toBe(4);
    expect(run?.plan.split.validation.length).toBe(2);
    expect(run?.plan.samples.every((s) => !s.path.includes('/a.txt'))).toBe(true);

    t.removeTestFolder();
    expect(t.store.getState().doc.dataset?.testFolder).toBeNull();
    expect(t.currentTestSet()).toBeNull();
    expect(t.testFolderState().status).toBe('idle');
  });
});
