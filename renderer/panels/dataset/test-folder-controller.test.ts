import { beforeEach, describe, expect, it } from 'vitest';

import { createProject } from '@core';

import { createEditorStore } from '../../state/editor-store';
import { useTrainingDatasetStore } from '../training/training-dataset';
import { loadDatasetFolder } from './dataset-controller';
import { initialTestFolderRuntime, useTestFolderStore } from './dataset-store';
import type { FolderSource } from './folder-source';
import { loadTestFolder, removeTestFolder } from './test-folder-controller';
import { setTestSet, toTestPayload, useTestSetStore } from './test-set';

/**
 * The test folder through the real controller and the app's text loader
 * (text needs no decode workers, so it runs in Node): class names are matched
 * to the training folder's indices, an unknown class is reported and left
 * out, the folder is saved in the project and survives a training reload.
 */

const encoder = new TextEncoder();

function memorySource(name: string, files: Readonly<Record<string, string>>): FolderSource {
  const displayPath = `/data/${name}`;
  return {
    grant: { grantId: `grant-${name}`, name, displayPath },
    list: () =>
      Promise.resolve({
        ok: true,
        contents: {
          folderId: displayPath,
          files: Object.entries(files).map(([path, text]) => ({
            path,
            size: encoder.encode(text).length,
            mtimeMs: 0,
          })),
          ignored: [],
        },
      }),
    readFiles: (paths) =>
      Promise.resolve(
        paths.map((path) => {
          const text = files[path];
          return text === undefined
            ? { path, ok: false as const, error: { code: 'not-found', message: path } }
            : { path, ok: true as const, bytes: encoder.encode(text) };
        }),
      ),
  };
}

const training = memorySource('reviews', {
  'bad/1.txt': 'awful slow broken',
  'bad/2.txt': 'broken again awful',
  'bad/3.txt': 'slow and awful',
  'good/1.txt': 'great fast lovely',
  'good/2.txt': 'lovely great product',
  'good/3.txt': 'fast and great',
});

/** Lists only `good` (fewer classes than training) plus a class training lacks, and one empty file. */
const testFolder = memorySource('reviews-test', {
  'good/a.txt': 'great lovely',
  'good/b.txt': 'fast great',
  'good/empty.txt': '',
  'neutral/a.txt': 'it is fine',
});

function newStore() {
  return createEditorStore(createProject('test'));
}

beforeEach(() => {
  setTestSet(null);
  useTestFolderStore.setState(initialTestFolderRuntime);
});

describe('test folder', () => {
  it('needs a training folder first', async () => {
    const store = newStore();
    await loadTestFolder(store, testFolder);
    expect(useTestFolderStore.getState()).toMatchObject({
      status: 'error',
      error: { key: 'test.needsTraining' },
    });
    expect(useTestSetStore.getState().testSet).toBeNull();
  });

  it('labels test samples with the training class indices and reports an unknown class', async () => {
    const store = newStore();
    await loadDatasetFolder(store, training, 'text');
    expect(store.getState().doc.dataset?.classNames).toEqual(['bad', 'good']);

    await loadTestFolder(store, testFolder);
    const runtime = useTestFolderStore.getState();
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
    const testSet = useTestSetStore.getState().testSet;
    expect(testSet?.kind).toBe('text');
    expect([...(testSet?.labels ?? [])]).toEqual([1, 1]);
    expect(store.getState().doc.dataset?.testFolder).toEqual({
      name: 'reviews-test',
      displayPath: '/data/reviews-test',
    });

    // Tokenised with the training vocabulary: "great" is known, "it"/"fine" never reach the model.
    const payload = await toTestPayload(testSet!);
    const vocabulary = store.getState().doc.dataset?.vocabulary ?? [];
    expect(payload.kind).toBe('text');
    if (payload.kind !== 'text') return;
    expect(payload.split).toEqual({ train: [], validation: [0, 1] });
    expect(payload.tokens[0]).toBe(vocabulary.indexOf('great'));
    expect(vocabulary).not.toContain('fine');
  });

  it('stays in the project when the training folder is reloaded, and is removed on request', async () => {
    const store = newStore();
    await loadDatasetFolder(store, training, 'text');
    await loadTestFolder(store, testFolder);
    const firstId = useTestSetStore.getState().testSet?.id;

    await loadDatasetFolder(store, training, 'text', { split: { seed: 9, validationShare: 0.4 } });
    // The reload re-decodes the test folder in the background; wait for its new copy.
    await expect.poll(() => useTestSetStore.getState().testSet?.id).not.toBe(firstId);
    expect(useTestFolderStore.getState().status).toBe('ready');
    expect(store.getState().doc.dataset?.testFolder?.name).toBe('reviews-test');
    // The whole training folder still makes train + validation; no test sample is in the run's data.
    const run = useTrainingDatasetStore.getState().dataset;
    expect(run?.plan.split.train.length).toBe(4);
    expect(run?.plan.split.validation.length).toBe(2);
    expect(run?.plan.samples.every((s) => !s.path.includes('/a.txt'))).toBe(true);

    removeTestFolder(store);
    expect(store.getState().doc.dataset?.testFolder).toBeNull();
    expect(useTestSetStore.getState().testSet).toBeNull();
    expect(useTestFolderStore.getState().status).toBe('idle');
  });
});
