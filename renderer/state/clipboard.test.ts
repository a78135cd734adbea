import { describe, expect, it } from 'vitest';

import { createClipboard, createMemoryClipboard } from './clipboard';
import { copySelection, pasteClipboard, pasteText, selectionPayload } from './clipboard-ops';
import { EditorDriver } from './testing/editor-driver';

describe('clipboard', () => {
  it('falls back to memory when the system clipboard refuses', async () => {
    const refusing = {
      writeText: () => Promise.reject(new Error('denied')),
      readText: () => Promise.reject(new Error('denied')),
    };
    const clipboard = createClipboard(refusing);
    await clipboard.write('x');
    expect(await clipboard.read()).toBe('x');
  });

  it('prefers the system clipboard text (a copy from another window)', async () => {
    let system = '';
    const clipboard = createClipboard({
      writeText: async (t: string) => void (system = t),
      readText: async () => system,
    });
    await clipboard.write('mine');
    system = 'from another window';
    expect(await clipboard.read()).toBe('from another window');
  });

  it('copies layers with their inner edge and pastes them into another project', async () => {
    const clipboard = createMemoryClipboard();
    const source = new EditorDriver();
    const a = source.add('VectorInput');
    const b = source.add('Dense');
    source.connect(a, b);
    source.select([a, b]);
    await copySelection(source.store, clipboard);

    const target = new EditorDriver();
    target.add('Dense');
    await pasteClipboard(target.store, clipboard, { x: 0, y: 0 });
    expect(target.nodeIds).toHaveLength(3);
    expect(Object.keys(target.doc.graph.edges)).toHaveLength(1);
    const names = Object.values(target.doc.graph.nodes).map((n) => n.name);
    expect(new Set(names).size).toBe(3);
    expect(target.state.session.selectedNodeIds).toHaveLength(2);
    expect(target.undoDepth).toBe(2);
  });

  it('ignores clipboard text that is not LayerLab layers', () => {
    const d = new EditorDriver();
    d.add('Dense');
    const before = d.doc;
    pasteText(d.store, '{"format":"something-else"}', null);
    pasteText(d.store, 'hello', null);
    expect(d.doc).toBe(before);
  });

  it('has nothing to copy without a selection', () => {
    const d = new EditorDriver();
    d.add('Dense');
    d.select([]);
    expect(selectionPayload(d.store)).toBeNull();
  });
});
