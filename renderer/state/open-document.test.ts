import { describe, expect, it } from 'vitest';

import { samplePackContents, serializeProject, writePack } from '@core';

import { createMemoryHost } from '../host/memory-host';
import { createPackStore } from '../packs/pack-store';
import { packDocumentRouter } from '../packs/pack-documents';
import { createSubmissionViewStore } from '../packs/submission-view';
import { createInProcessTrainingClient } from '../session/testing/in-process-training';
import { createWorkspace } from '../session/workspace';
import { useToastStore } from '../ui/toast-store';
import { openDocument } from './open-document';
import { createEmptyProject } from './project-doc';

const sources = import.meta.glob(
  ['../../assets/templates/lenet.layerlab', '../../assets/samples/licenses/fashion-mnist.txt'],
  { query: '?raw', import: 'default', eager: true },
) as Record<string, string>;
/** A PNG-signed stand-in image (the package reader checks magic bytes, never decodes). */
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
/** The course sample package, with one stand-in image per class. */
const samplePack = writePack(
  samplePackContents({
    lenetProject: sources['../../assets/templates/lenet.layerlab'] ?? '',
    fashionFiles: Object.fromEntries(
      Array.from({ length: 10 }, (_, c) => [`class${c}/0.png`, png] as const),
    ),
    fashionLicence: sources['../../assets/samples/licenses/fashion-mnist.txt'] ?? '',
    image: png,
    appVersion: '0.1.0',
  }),
);
const training = createInProcessTrainingClient();

async function setup(files: Record<string, string | Uint8Array>, chosen: string[]) {
  const host = createMemoryHost({ files, choosePath: async () => chosen.shift() ?? null });
  const workspace = createWorkspace({ training });
  const packs = createPackStore();
  const submissions = createSubmissionViewStore();
  useToastStore.setState({ toasts: [] });
  const ctx = { workspace, host, documents: packDocumentRouter(packs, submissions) };
  return { ctx, workspace, packs, submissions };
}

describe('File → Open', () => {
  it('opens a project, a lab package (even renamed) and a submission, each where it belongs', async () => {
    const submission = JSON.stringify({
      format: 'layerlab-submission',
      version: 1,
      packId: 'p',
      packTitle: 'Week 1',
      student: '<b>Li</b>',
      createdAt: '2026-12-08T00:00:00Z',
      appVersion: '0.1.0',
      steps: [
        {
          id: 's1',
          openedAt: null,
          updatedAt: null,
          work: null,
          answers: {},
          done: true,
          results: [],
        },
      ],
    });
    const t = await setup(
      {
        '/c/net.layerlab': serializeProject(createEmptyProject()),
        '/c/week1.layerlab-pack': samplePack,
        '/c/download.bin': samplePack,
        '/c/li.layerlab-submission': submission,
      },
      ['/c/net.layerlab', '/c/week1.layerlab-pack', '/c/download.bin', '/c/li.layerlab-submission'],
    );
    await openDocument(t.ctx, 'chooser');
    expect(t.workspace.current()?.editor.getState().file.name).toBe('net.layerlab');

    await openDocument(t.ctx, 'chooser');
    expect(t.packs.getState().fileName).toBe('week1.layerlab-pack');
    expect(t.packs.getState().pack?.steps.length).toBe(4);
    // The project stays open beside the package.
    expect(t.workspace.current()).not.toBeNull();

    await openDocument(t.ctx, 'chooser');
    expect(t.packs.getState().fileName).toBe('download.bin');

    await openDocument(t.ctx, 'chooser');
    expect(t.submissions.getState().viewed?.submission.student).toBe('<b>Li</b>');
    expect(useToastStore.getState().toasts).toEqual([]);
  });

  it('names a refused package in a toast and keeps nothing of it', async () => {
    const t = await setup({ '/c/bad.layerlab-pack': 'not a zip' }, ['/c/bad.layerlab-pack']);
    await openDocument(t.ctx, 'chooser');
    expect(t.packs.getState().pack).toBeNull();
    const [toast] = useToastStore.getState().toasts;
    expect(toast?.tone).toBe('error');
    expect(toast?.text).toMatch(/zip/);
  });

  it('opens the file the app was launched with once; nothing when there is none', async () => {
    const host = createMemoryHost({
      files: { '/c/week1.layerlab-pack': samplePack },
      launchFile: '/c/week1.layerlab-pack',
    });
    const packs = createPackStore();
    const ctx = {
      workspace: createWorkspace({ training }),
      host,
      documents: packDocumentRouter(packs, createSubmissionViewStore()),
    };
    await openDocument(ctx, 'launch');
    expect(packs.getState().fileName).toBe('week1.layerlab-pack');
    packs.setState({ pack: null, fileName: '' });
    await openDocument(ctx, 'launch');
    expect(packs.getState().pack).toBeNull();
  });
});
