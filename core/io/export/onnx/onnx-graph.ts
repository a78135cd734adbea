import type {
  OnnxAttributeValue,
  OnnxGraph,
  OnnxNode,
  OnnxTensor,
  OnnxValueInfo,
} from './onnx-proto';

/**
 * Collects the nodes and constants of one ONNX graph (the model's, or a Scan
 * body) and hands out unique value names. A layer's emitter asks it for nodes
 * by op type; names are derived from the layer's name so a reader of the file
 * (Netron) sees which layer each node belongs to.
 */
export class OnnxGraphBuilder {
  private readonly nodes: OnnxNode[] = [];
  private readonly initializers: OnnxTensor[] = [];
  /** Shared with the subgraphs made by `child()`: ONNX names must not repeat across scopes. */
  private readonly used: Set<string>;

  constructor(used: Set<string> = new Set()) {
    this.used = used;
  }

  /** A builder for a subgraph (a Scan body) whose names never clash with this graph's. */
  child(): OnnxGraphBuilder {
    const sub = new OnnxGraphBuilder(this.used);
    sub.scope = this.scope;
    return sub;
  }

  /** The prefix of the names made now (the layer being emitted). */
  scope = '';

  /** A value name not used yet in this graph, `scope/hint` or `scope/hint_2`… */
  fresh(hint: string): string {
    const base = this.scope === '' ? hint : `${this.scope}/${hint}`;
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  /** Marks a name as taken (graph inputs, which keep the names users see). */
  reserve(name: string): string {
    this.used.add(name);
    return name;
  }

  /** A float32 constant. */
  floats(hint: string, values: Float32Array | readonly number[], dims: readonly number[]): string {
    const name = this.fresh(hint);
    const data = values instanceof Float32Array ? values : Float32Array.from(values);
    this.initializers.push({ name, dims, data: { type: 'float', values: data } });
    return name;
  }

  /** A 1-D int64 constant (shapes, axes, indices). */
  int64s(hint: string, values: readonly number[]): string {
    const name = this.fresh(hint);
    this.initializers.push({ name, dims: [values.length], data: { type: 'int64', values } });
    return name;
  }

  /** One node with one output; returns the output's name. */
  node(
    opType: string,
    inputs: readonly string[],
    attributes: Readonly<Record<string, OnnxAttributeValue>> = {},
    hint = opType.toLowerCase(),
  ): string {
    const [out] = this.nodeWithOutputs(opType, inputs, 1, attributes, hint);
    return out as string;
  }

  /** One node with `count` outputs (LSTM's Y and Y_h, Scan's states and scan outputs). */
  nodeWithOutputs(
    opType: string,
    inputs: readonly string[],
    count: number,
    attributes: Readonly<Record<string, OnnxAttributeValue>> = {},
    hint = opType.toLowerCase(),
  ): string[] {
    const outputs = Array.from({ length: count }, (_, i) =>
      this.fresh(i === 0 ? hint : `${hint}_out${i}`),
    );
    this.nodes.push({ opType, name: this.fresh(`${opType}_node`), inputs, outputs, attributes });
    return outputs;
  }

  /** Copies `value` into `name`, a graph output reserved with `reserve`. */
  identityInto(value: string, name: string): void {
    this.nodes.push({
      opType: 'Identity',
      name: this.fresh(`${name}_node`),
      inputs: [value],
      outputs: [name],
      attributes: {},
    });
  }

  /** The graph with the given inputs and outputs (by value name). */
  build(
    name: string,
    inputs: readonly OnnxValueInfo[],
    outputs: readonly OnnxValueInfo[],
  ): OnnxGraph {
    return { name, nodes: [...this.nodes], initializers: [...this.initializers], inputs, outputs };
  }
}
