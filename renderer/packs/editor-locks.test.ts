import { describe, expect, it } from 'vitest';

import { parseTemplate, type NodeId, type ProjectDoc } from '@core';

import { removeCutSelection } from '../state/clipboard-ops';
import { createEditorStore } from '../state/editor-store';
import { deleteSelection, renameOp, setParamOp } from '../state/graph-ops';

const lenetText = Object.values(
  import.meta.glob('../../assets/templates/lenet.layerlab', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
)[0] as string;

function lockedLenet() {
  const parsed = parseTemplate(lenetText);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const store = createEditorStore(parsed.value as ProjectDoc);
  store.getState().setLocks({ layers: ['n1'], params: [{ node: 'n1', param: 'height' }] });
  return store;
}

describe('package locks in the editor store', () => {
  it('refuses deleting a locked layer (Delete and Cut), with one refusal each', () => {
    const store = lockedLenet();
    const before = store.getState().doc;
    store.getState().select(['n1' as NodeId, 'n2' as NodeId]);
    deleteSelection(store);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().lockRefusal?.diagnostic).toMatchObject({
      code: 'locked-layer',
      args: { layer: 'image_input_1' },
    });
    store.getState().select(['n1' as NodeId]);
    removeCutSelection(store);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().lockRefusal?.count).toBe(2);
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('refuses editing a locked parameter but allows the others and other layers', () => {
    const store = lockedLenet();
    setParamOp(store, 'n1' as NodeId, 'height', 32);
    expect(store.getState().doc.graph.nodes['n1' as NodeId]?.params.height).toBe(28);
    expect(store.getState().lockRefusal?.diagnostic.code).toBe('locked-param');
    setParamOp(store, 'n1' as NodeId, 'channels', 3);
    expect(store.getState().doc.graph.nodes['n1' as NodeId]?.params.channels).toBe(3);
    expect(renameOp(store, 'n1' as NodeId, 'pixels').ok).toBe(true);
    store.getState().select(['n2' as NodeId]);
    deleteSelection(store);
    expect(store.getState().doc.graph.nodes['n2' as NodeId]).toBeUndefined();
  });

  it('edits freely once the locks are lifted', () => {
    const store = lockedLenet();
    store.getState().setLocks(null);
    store.getState().select(['n1' as NodeId]);
    deleteSelection(store);
    expect(store.getState().doc.graph.nodes['n1' as NodeId]).toBeUndefined();
  });
});

it('keeps the selection when a delete is refused, so the inspector still shows the lock', () => {
  const store = lockedLenet();
  store.getState().select(['n1' as NodeId]);
  deleteSelection(store);
  expect(store.getState().session.selectedNodeIds).toEqual(['n1']);
});
