/**
 * The graph document: the saved, undoable description of a network.
 *
 * Normalised and immutable: commands return a new `GraphDoc` and share every
 * untouched record with the old one, so history entries are plain references.
 * Session state (selection, viewport) never lives here.
 */

/** Opaque id of a layer node. Stable for the node's lifetime; never shown to users. */
export type NodeId = string & { readonly __brand: 'NodeId' };
/** Opaque id of an edge. */
export type EdgeId = string & { readonly __brand: 'EdgeId' };

/** A parameter value as stored in the document (JSON-safe). */
export type ParamValue = number | string | boolean | readonly number[] | null;
/** A layer's parameters by TF.js camelCase name (`units`, `kernelSize`). */
export type Params = Readonly<Record<string, ParamValue>>;

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One layer on the canvas. `kind` is a Keras class name (`Dense`, `Conv2D`). */
export interface LayerNode {
  readonly id: NodeId;
  readonly kind: string;
  /** Unique within the graph; becomes the TF.js layer name. */
  readonly name: string;
  readonly params: Params;
  readonly position: Point;
}

/**
 * A connection from `source`'s output to `target`'s input.
 * For merge layers (Add, Concatenate) the order of a node's incoming edges is
 * the order of the inputs: edges are ordered by their key order in
 * `GraphDoc.edges`, which is insertion order (ids are never integer-like).
 */
export interface Edge {
  readonly id: EdgeId;
  readonly source: NodeId;
  readonly target: NodeId;
}

export interface GraphDoc {
  readonly nodes: Readonly<Record<NodeId, LayerNode>>;
  readonly edges: Readonly<Record<EdgeId, Edge>>;
}

export const emptyGraph: GraphDoc = { nodes: {}, edges: {} };
