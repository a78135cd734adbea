import { describe, expect, it } from 'vitest';

import { serializeProject } from '@core';

import { listTemplates } from '../app/templates';
import { createMemoryHost } from '../host/memory-host';
import { useConfirmStore, type ConfirmAnswer } from '../ui/confirm-store';
import { useToastStore } from '../ui/toast-store';
import { isDirty } from './editor-store';
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

function setup(files: Record<string, string> = {}, chosen: (string | null)[] = []) {
  const host = createMemoryHost({ files, choosePath: async () => chosen.shift() ?? null });
  const driver = new EditorDriver();
  useToastStore.setState({ toasts: [] });
  return { host, driver, ctx: { store: driver.store, host } };
}

describe('project actions', () => {
  it('saves, then reopens the identical document', async () => {
    const { host, driver, ctx } = setup({}, ['/work/net.layerlab', '/work/net.layerlab']);
    const a = driver.add('VectorInput');
    const b = driver.add('Dense');
    driver.connect(a, b);
    const saved = driver.doc;
    expect(await saveProject(ctx, { saveAs: false })).toBe(true);
    expect(isDirty(driver.state)).toBe(false);
    expect(driver.state.file.name).toBe('net.layerlab');
    const text = host.files.get('/work/net.layerlab') as string;
    expect(text).toBe(serializeProject(saved));

    await newProject(ctx);
    expect(driver.nodeIds).toHaveLength(0);
    await openProject(ctx);
    expect(serializeProject(driver.doc)).toBe(text);
    expect(driver.state.file.fileId).not.toBeNull();
    expect(driver.undoDepth).toBe(0);
  });

  it('saves over the same file without asking again, keeping a backup', async () => {
    const { host, driver, ctx } = setup({}, ['/work/a.layerlab']);
    driver.add('Dense');
    await saveProject(ctx, { saveAs: false });
    driver.add('Dropout');
    expect(await saveProject(ctx, { saveAs: false })).toBe(true);
    expect(host.files.has('/work/a.layerlab.bak')).toBe(true);
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
    const { driver, ctx } = setup({ '/bad.layerlab': contents }, ['/bad.layerlab']);
    driver.add('Dense');
    const before = driver.doc;
    answerNextConfirm('alternative'); // "Don't save": the open still fails, so nothing is lost
    await openProject(ctx);
    expect(driver.doc).toBe(before);
    expect(isDirty(driver.state)).toBe(true);
    const toasts = useToastStore.getState().toasts;
    expect(toasts).toHaveLength(1);
    expect(toasts[0]?.tone).toBe('error');
    expect(toasts[0]?.text).toMatch(/LayerLab/);
  });

  it('shows markup in a layer name as text, never as markup', async () => {
    const { driver, ctx } = setup({}, ['/x.layerlab', '/x.layerlab']);
    const id = driver.add('Dense');
    driver.state.apply(
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
    await saveProject(ctx, { saveAs: false });
    await newProject(ctx);
    await openProject(ctx);
    expect(Object.values(driver.doc.graph.nodes)[0]?.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('asks before discarding unsaved work; cancel keeps it', async () => {
    const { driver, ctx } = setup();
    driver.add('Dense');
    const before = driver.doc;
    answerNextConfirm('cancel');
    await newProject(ctx);
    expect(driver.doc).toBe(before);
    answerNextConfirm('alternative'); // "Don't save"
    await newProject(ctx);
    expect(driver.nodeIds).toHaveLength(0);
  });

  it('saves first when the user chooses Save in the prompt', async () => {
    const { host, driver, ctx } = setup({}, ['/keep.layerlab']);
    driver.add('Dense');
    answerNextConfirm('confirm');
    await newProject(ctx);
    expect(host.files.has('/keep.layerlab')).toBe(true);
    expect(driver.nodeIds).toHaveLength(0);
  });

  it('stays silent and unchanged when the user cancels the save dialog', async () => {
    const { driver, ctx } = setup({}, [null]);
    driver.add('Dense');
    expect(await saveProject(ctx, { saveAs: true })).toBe(false);
    expect(isDirty(driver.state)).toBe(true);
    expect(useToastStore.getState().toasts).toHaveLength(0);
  });
});

describe('templates', () => {
  it('open as a new unsaved-but-clean project laid out top to bottom', async () => {
    const { driver, ctx } = setup();
    const mlp = listTemplates().find((t) => t.id === 'mlp-digits');
    expect(mlp).toBeDefined();
    await openTemplate(ctx, mlp!.contents);
    expect(driver.nodeIds.length).toBe(4);
    expect(isDirty(driver.state)).toBe(false);
    expect(driver.state.file.fileId).toBeNull();
    const ys = Object.values(driver.doc.graph.nodes).map((n) => n.position.y);
    expect(new Set(ys).size).toBe(4);
  });
});
