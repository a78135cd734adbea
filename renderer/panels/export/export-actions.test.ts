import { describe, expect, it } from 'vitest';

import { createMemoryHost } from '../../host/memory-host';
import { createInProcessTrainingClient } from '../../session/testing/in-process-training';
import { textProject, train } from '../../session/testing/text-task';
import { workspacesClosedAfterEach } from '../../session/testing/test-workspaces';
import { unsavedFile } from '../../state/editor-store';
import type { ExportClient } from './export-client';
import { exportProject } from './export-actions';

/**
 * Export never writes a model that is not the project's trained one: a
 * project closed during an export writes nothing, and a trained model that
 * cannot be read fails instead of silently exporting initial weights.
 */

const training = createInProcessTrainingClient();
const newWorkspace = workspacesClosedAfterEach(training);

/** An export worker that records the jobs it gets and answers nothing useful. */
function recordingExportClient(): ExportClient & { readonly jobs: unknown[] } {
  const jobs: unknown[] = [];
  return {
    jobs,
    exportModel: (job) => {
      jobs.push(job);
      return Promise.resolve({ ok: false, error: { code: 'export-failed', message: 'test' } });
    },
    importModel: () =>
      Promise.resolve({ ok: false, error: { code: 'export-failed', message: '' } }),
    torchWeights: () =>
      Promise.resolve({ ok: false, error: { code: 'export-failed', message: '' } }),
  };
}

const options = {
  name: 'model',
  appVersion: 'test',
  extraFiles: () => Promise.resolve({}),
  onPhase: () => undefined,
};

describe('exportProject', () => {
  it('writes nothing when the project is closed while the export gathers its model', async () => {
    const workspace = newWorkspace();
    const session = await workspace.open({ doc: textProject('closing'), file: unsavedFile });
    await train(session);
    const host = createMemoryHost({ files: {}, choosePath: async () => '/exports' });
    const exporter = recordingExportClient();
    const pending = exportProject(host, session, exporter, options);
    await workspace.close();
    expect(await pending).toEqual({ status: 'cancelled' });
    expect(exporter.jobs).toEqual([]);
    expect([...host.files.keys()].filter((p) => p.startsWith('/exports'))).toEqual([]);
  });

  it('fails, naming why, when the trained model cannot be read from the worker', async () => {
    const workspace = newWorkspace();
    const session = await workspace.open({ doc: textProject('lost'), file: unsavedFile });
    await train(session);
    await training.reset(); // the worker lost the model behind the session's back
    const exporter = recordingExportClient();
    const host = createMemoryHost({ files: {}, choosePath: async () => '/exports' });
    const outcome = await exportProject(host, session, exporter, options);
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'export-model-unreadable' } });
    expect(exporter.jobs).toEqual([]);
  });
});
