import { describe, expect, it } from 'vitest';

import { serializeProject } from '@core';

import { listTemplates } from '../app/templates';
import { createMemoryHost } from '../host/memory-host';
import { useConfirmStore, type ConfirmAnswer } from '../ui/confirm-store';
import { useToastStore } from '../ui/toast-store';
import { createInProcessTrainingClient } from '../session/testing/in-process-training';
import { createWorkspace } from '../session/workspace';
import { createEmptyProject } from './project-doc';
import { isDirty, unsavedFile } from './editor-store';
import { newProject, openProject, openTemplate, saveProject } from './project-actions';
import { EditorDriver } from './testing/editor-driver';

/** Answers the next confirmation dialog as a user would. */
function answerNextConfirm(answer: ConfirmAnswer): void {
  const unsubscribe = useConfirmStore.subscribe((s) => {
    if (s.pending) {
      unsubscribe();
      s.pending.resolve(answer);
    }
  });
}

const training = createInProcessTrainingClient();

/**
 * A window with an empty project open; `driver` always drives the project
 * open now (each New or Open makes a new session with its own editor).
 */
async function setup(files: Record<string, string> = {}, chosen: (string | null)[] = []) {
  const host = createMemoryHost({ files, choosePath: async () => chosen.shift() ?? null });
  const workspace = createWorkspace({ training });
  await workspace.open({ doc: createEmptyProject(), file: unsavedFile });
  useToastStore.setState({ toasts: [] });
  const ctx = { workspace, host };
  return {
    host,
    ctx,
    get driver(): EditorDriver {
      const session = workspace.current();
      if (session === null) throw new Error('no project is open');
      return new EditorDriver(session.editor);
    },
  };
}

describe('project actions', () => {
  it('saves, then reopens the identical document', async () => {
    const t = await setup({}, ['/work/net.layerlab', '/work/net.layerlab']);
    const a = t.driver.add('VectorInput');
    const b = t.driver.add('Dense');
    t.driver.connect(a, b);
    const graph = t.driver.doc.graph;
    expect(await saveProject(t.ctx, { saveAs: false })).toBe(true);
    expect(isDirty(t.driver.state)).toBe(false);
    expect(t.driver.state.file.name).toBe('net.layerlab');
    const text = t.host.files.get('/work/net.layerlab') as string;
    expect(t.driver.doc.graph).toBe(graph);
    expect(text).toBe(serializeProject(t.driver.doc));

    await newProject(t.ctx);
    expect(t.driver.nodeIds).toHaveLength(0);
    await openProject(t.ctx);
    expect(serializeProject(t.driver.doc)).toBe(text);
    expect(t.driver.state.file.fileId).not.toBeNull();
    expect(t.driver.undoDepth).toBe(0);
  });

  it('records the running app version and names an untitled project after its file', async () => {
    const t = await setup({}, ['/work/week 3.layerlab', '/work/week 4.layerlab']);
    t.driver.add('Dense');
    expect(t.driver.doc.name).toBe('untitled');
    expect(await saveProject(t.ctx, { saveAs: false })).toBe(true);
    const first = JSON.parse(t.host.files.get('/work/week 3.layerlab') as string) as {
      name: string;
      appVersion: string;
    };
    expect(first).toMatchObject({ name: 'week 3', appVersion: '0.0.0-memory' });
    expect(isDirty(t.driver.state)).toBe(false);
    // Save As elsewhere: the name still follows the file, since it came from it.
    expect(await saveProject(t.ctx, { saveAs: true })).toBe(true);
    const second = JSON.parse(t.host.files.get('/work/week 4.layerlab') as string) as {
      name: string;
    };
    expect(second.name).toBe('week 4');
    expect(t.driver.doc.name).toBe('week 4');
    expect(isDirty(t.driver.state)).toBe(false);
  });

  it('saves over the same file without asking again, keeping a backup', async () => {
    const t = await setup({}, ['/work/a.layerlab']);
    t.driver.add('Dense');
    await saveProject(t.ctx, { saveAs: false });
    t.driver.add('Dropout');
    expect(await saveProject(t.ctx, { saveAs: false })).toBe(true);
    expect(t.host.files.has('/work/a.layerlab.bak')).toBe(true);
  });

  it.each([
    ['not JSON', 'this is not json {', 'not-json'],
    ['not a project', '{"hello": 1}', 'not-a-project'],
    [
      'a future version',
      JSON.stringify({ format: 'layerlab', schemaVersion: 999 }),
      'future-version',
    ],
  ])('refuses %s with a message and keeps the current work open', async (_label, contents) => {
    const t = await setup({ '/bad.layerlab': contents }, ['/bad.layerlab']);
    t.driver.add('Dense');
    const before = t.driver.doc;
    answerNextConfirm('alternative'); // "Don't save": the open still fails, so nothing is lost
    await openProject(t.ctx);
    expect(t.driver.doc).toBe(before);
    expect(isDirty(t.driver.state)).toBe(true);
    const toasts = useToastStore.getState().toasts;
    expect(toasts).toHaveLength(1);
    expect(toasts[0]?.tone).toBe('error');
    expect(toasts[0]?.text).toMatch(/LayerLab/);
  });

  it('shows markup in a layer name as text, never as markup', async () => {
    const t = await setup({}, ['/x.layerlab', '/x.layerlab']);
    const id = t.driver.add('Dense');
    t.driver.state.apply(
      (doc) => ({
        ...doc,
        graph: {
          ...doc.graph,
          nodes: {
            ...doc.graph.nodes,
            [id]: { ...doc.graph.nodes[id]!, name: '<img src=x onerror=alert(1)>' },
          },
        },
      }),
      undefined,
    );
    await saveProject(t.ctx, { saveAs: false });
    await newProject(t.ctx);
    await openProject(t.ctx);
    expect(Object.values(t.driver.doc.graph.nodes)[0]?.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('asks before discarding unsaved work; cancel keeps it', async () => {
    const t = await setup();
    t.driver.add('Dense');
    const before = t.driver.doc;
    answerNextConfirm('cancel');
    await newProject(t.ctx);
    expect(t.driver.doc).toBe(before);
    answerNextConfirm('alternative'); // "Don't save"
    await newProject(t.ctx);
    expect(t.driver.nodeIds).toHaveLength(0);
  });

  it('saves first when the user chooses Save in the prompt', async () => {
    const t = await setup({}, ['/keep.layerlab']);
    t.driver.add('Dense');
    answerNextConfirm('confirm');
    await newProject(t.ctx);
    expect(t.host.files.has('/keep.layerlab')).toBe(true);
    expect(t.driver.nodeIds).toHaveLength(0);
  });

  it('stays silent and unchanged when the user cancels the save dialog', async () => {
    const t = await setup({}, [null]);
    t.driver.add('Dense');
    expect(await saveProject(t.ctx, { saveAs: true })).toBe(false);
    expect(isDirty(t.driver.state)).toBe(true);
    expect(useToastStore.getState().toasts).toHaveLength(0);
  });
});

describe('templates', () => {
  it('open as a new unsaved-but-clean project laid out top to bottom', async () => {
    const t = await setup();
    const mlp = listTemplates().find((t) => t.id === 'mlp-digits');
    expect(mlp).toBeDefined();
    await openTemplate(t.ctx, mlp!.contents);
    expect(t.driver.nodeIds.length).toBe(4);
    expect(isDirty(t.driver.state)).toBe(false);
    expect(t.driver.state.file.fileId).toBeNull();
    const ys = Object.values(t.driver.doc.graph.nodes).map((n) => n.position.y);
    expect(new Set(ys).size).toBe(4);
  });
});
