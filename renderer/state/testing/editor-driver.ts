import { createProject, type NodeId, type Point } from '@core';

import { createEditorStore, type EditorStore } from '../editor-store';
import { addLayerAt, connectNodes, deleteSelection, moveNodesOp, setParamOp } from '../graph-ops';

/**
 * Drives the editor store the way the canvas does, without React (tldraw's
 * TestEditor idea): `driver.add('Dense').connect(a, b).drag(id, 10, 0).undo()`.
 * Gestures go through the same mark/ignore/squash calls as GraphCanvas.
 */
export class EditorDriver {
  readonly store: EditorStore;

  /** Drives `store` (an open project's editor), or a new store holding an empty project. */
  constructor(store: EditorStore = createEditorStore(createProject('test'))) {
    this.store = store;
  }

  get state() {
    return this.store.getState();
  }

  get doc() {
    return this.store.getState().doc;
  }

  get nodeIds(): NodeId[] {
    return Object.keys(this.doc.graph.nodes) as NodeId[];
  }

  position(id: NodeId): Point {
    const node = this.doc.graph.nodes[id];
    if (!node) throw new Error(`no node ${id}`);
    return node.position;
  }

  /** Adds a layer (as a palette drop would) and returns its id. */
  add(kind: string, at: Point = { x: 0, y: this.nodeIds.length * 120 }): NodeId {
    const id = addLayerAt(this.store, kind, at);
    if (id === null) throw new Error(`could not add ${kind}`);
    return id;
  }

  connect(source: NodeId, target: NodeId) {
    return connectNodes(this.store, source, target);
  }

  setParam(id: NodeId, name: string, value: number | string | boolean | number[]): this {
    setParamOp(this.store, id, name, value);
    return this;
  }

  /** A pointer drag of `ids` by (dx, dy) in `frames` steps, as React Flow reports it. */
  drag(
    ids: NodeId | readonly NodeId[],
    dx: number,
    dy: number,
    options: { frames?: number; bail?: boolean } = {},
  ): this {
    const list = typeof ids === 'string' ? [ids] : ids;
    const frames = options.frames ?? 5;
    const start = new Map(list.map((id) => [id, this.position(id)]));
    for (let f = 1; f <= frames; f++) {
      if (this.state.history.mark === null) this.state.mark('drag');
      const moves = list.map((id) => {
        const p = start.get(id) as Point;
        return { id, position: { x: p.x + (dx * f) / frames, y: p.y + (dy * f) / frames } };
      });
      moveNodesOp(this.store, moves, 'ignore');
    }
    if (options.bail) this.state.bail();
    else this.state.squashToMark();
    return this;
  }

  select(ids: readonly NodeId[]): this {
    this.state.select(ids);
    return this;
  }

  deleteSelected(): this {
    deleteSelection(this.store);
    return this;
  }

  undo(times = 1): this {
    for (let i = 0; i < times; i++) this.state.undo();
    return this;
  }

  redo(times = 1): this {
    for (let i = 0; i < times; i++) this.state.redo();
    return this;
  }

  get undoDepth(): number {
    return this.state.history.past.length;
  }

  get redoDepth(): number {
    return this.state.history.future.length;
  }
}
