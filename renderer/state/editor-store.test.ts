import { describe, expect, it } from 'vitest';

import { isDirty } from './editor-store';
import { appendLayer } from './graph-ops';
import { EditorDriver } from './testing/editor-driver';

describe('editor store history', () => {
  it('records one undo step per added layer and undoes back to empty', () => {
    const d = new EditorDriver();
    d.add('ImageInput');
    d.add('Flatten');
    expect(d.nodeIds).toHaveLength(2);
    expect(d.undoDepth).toBe(2);
    d.undo(2);
    expect(d.nodeIds).toHaveLength(0);
    d.redo(2);
    expect(d.nodeIds).toHaveLength(2);
  });

  it('makes one drag of many frames exactly one undo step', () => {
    const d = new EditorDriver();
    const a = d.add('Dense', { x: 0, y: 0 });
    const depth = d.undoDepth;
    d.drag(a, 100, 40, { frames: 12 });
    expect(d.position(a)).toEqual({ x: 100, y: 40 });
    expect(d.undoDepth).toBe(depth + 1);
    d.undo();
    expect(d.position(a)).toEqual({ x: 0, y: 0 });
    d.redo();
    expect(d.position(a)).toEqual({ x: 100, y: 40 });
  });

  it('moves a multi-node drag as one step', () => {
    const d = new EditorDriver();
    const a = d.add('Dense', { x: 0, y: 0 });
    const b = d.add('Dense', { x: 0, y: 200 });
    d.drag([a, b], -50, 10);
    expect(d.undoDepth).toBe(3);
    d.undo();
    expect(d.position(a)).toEqual({ x: 0, y: 0 });
    expect(d.position(b)).toEqual({ x: 0, y: 200 });
  });

  it('bails a cancelled drag: positions restored, nothing recorded', () => {
    const d = new EditorDriver();
    const a = d.add('Dense', { x: 10, y: 10 });
    const depth = d.undoDepth;
    d.drag(a, 300, 300, { bail: true });
    expect(d.position(a)).toEqual({ x: 10, y: 10 });
    expect(d.undoDepth).toBe(depth);
    expect(d.state.history.mark).toBeNull();
  });

  it('keeps redo after a selection change (selection never touches history)', () => {
    const d = new EditorDriver();
    const a = d.add('Dense');
    d.add('Dropout');
    d.undo();
    expect(d.redoDepth).toBe(1);
    const before = d.state.history;
    d.select([a]);
    d.select([]);
    expect(d.state.history).toBe(before);
    expect(d.redoDepth).toBe(1);
    d.redo();
    expect(d.nodeIds).toHaveLength(2);
  });

  it('clears redo when a new edit is made', () => {
    const d = new EditorDriver();
    d.add('Dense');
    d.undo();
    d.add('Flatten');
    expect(d.redoDepth).toBe(0);
  });

  it('refuses a cycle with a diagnostic and records nothing', () => {
    const d = new EditorDriver();
    const a = d.add('Dense');
    const b = d.add('Dense');
    expect(d.connect(a, b).ok).toBe(true);
    const depth = d.undoDepth;
    const refused = d.connect(b, a);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.diagnostic.code).toMatch(/cycle/);
    expect(d.undoDepth).toBe(depth);
    expect(Object.keys(d.doc.graph.edges)).toHaveLength(1);
  });

  it('refuses a second input into a single-input layer (arity)', () => {
    const d = new EditorDriver();
    const a = d.add('ImageInput');
    const b = d.add('ImageInput');
    const f = d.add('Flatten');
    expect(d.connect(a, f).ok).toBe(true);
    expect(d.connect(b, f).ok).toBe(false);
  });

  it('undoes a connection, then the layers, in reverse order', () => {
    const d = new EditorDriver();
    const a = d.add('ImageInput');
    const f = d.add('Flatten');
    d.connect(a, f);
    d.undo();
    expect(Object.keys(d.doc.graph.edges)).toHaveLength(0);
    expect(d.nodeIds).toHaveLength(2);
  });

  it('prunes the selection when undo removes a selected node', () => {
    const d = new EditorDriver();
    const a = d.add('Dense');
    expect(d.state.session.selectedNodeIds).toEqual([a]);
    d.undo();
    expect(d.state.session.selectedNodeIds).toEqual([]);
  });

  it('deletes the selection with its edges as one step', () => {
    const d = new EditorDriver();
    const a = d.add('ImageInput');
    const f = d.add('Flatten');
    d.connect(a, f);
    d.select([a]).deleteSelected();
    expect(d.nodeIds).toEqual([f]);
    expect(Object.keys(d.doc.graph.edges)).toHaveLength(0);
    d.undo();
    expect(d.nodeIds).toHaveLength(2);
    expect(Object.keys(d.doc.graph.edges)).toHaveLength(1);
  });

  it('tracks unsaved changes against the saved document, including undo back to it', () => {
    const d = new EditorDriver();
    expect(isDirty(d.state)).toBe(false);
    d.add('Dense');
    expect(isDirty(d.state)).toBe(true);
    d.undo();
    expect(isDirty(d.state)).toBe(false);
    d.redo();
    d.state.markSaved(d.doc, { fileId: 'f1', name: 'a.layerlab', displayPath: '/a.layerlab' });
    expect(isDirty(d.state)).toBe(false);
    d.setParam(d.nodeIds[0]!, 'units', 10);
    expect(isDirty(d.state)).toBe(true);
  });

  it('ignores an edit that changes nothing', () => {
    const d = new EditorDriver();
    const a = d.add('Dense');
    const depth = d.undoDepth;
    d.drag(a, 0, 0);
    expect(d.undoDepth).toBe(depth);
  });

  it('appends a palette layer below the selected one, connected, as one undo step', () => {
    const d = new EditorDriver();
    const input = d.add('VectorInput', { x: 0, y: 0 });
    const depth = d.undoDepth;
    const dense = appendLayer(d.store, 'Dense', { x: 500, y: 500 });
    expect(dense).not.toBeNull();
    expect(d.position(dense!)).toEqual({ x: 0, y: 170 });
    expect(Object.values(d.doc.graph.edges).map((e) => [e.source, e.target])).toEqual([
      [input, dense],
    ]);
    expect(d.state.session.selectedNodeIds).toEqual([dense]);
    expect(d.undoDepth).toBe(depth + 1);
    d.undo();
    expect(d.nodeIds).toEqual([input]);
  });

  it('appends without connecting when the connection is not allowed, or at the centre with no selection', () => {
    const d = new EditorDriver();
    d.add('VectorInput', { x: 0, y: 0 });
    const second = appendLayer(d.store, 'ImageInput', { x: 500, y: 500 });
    expect(second).not.toBeNull();
    expect(Object.keys(d.doc.graph.edges)).toHaveLength(0);
    d.select([]);
    const third = appendLayer(d.store, 'Dense', { x: 500, y: 500 });
    expect(d.position(third!)).toEqual({ x: 390, y: 445 });
  });

  it('puts a layer added at the centre of a long chain beside it, not at its far end', () => {
    const d = new EditorDriver();
    for (let i = 0; i < 60; i++) d.add('Dense', { x: 0, y: i * 170 });
    d.select([]);
    const added = appendLayer(d.store, 'Dropout', { x: 110, y: 55 + 170 * 20 });
    const at = d.position(added!);
    expect(Math.abs(at.y - 170 * 20)).toBeLessThan(200);
    expect(Math.abs(at.x)).toBeGreaterThanOrEqual(220 * 0.6);
    expect(Math.abs(at.x)).toBeLessThan(300);
  });

  it('caps the history so memory stays bounded', () => {
    const d = new EditorDriver();
    const a = d.add('Dense');
    for (let i = 1; i <= 250; i++) d.setParam(a, 'units', i);
    expect(d.undoDepth).toBe(200);
  });
});
