import type { EngineNode } from './plan-model';
import { sizeOf, type OpContext } from './ops/op';

/** Where one input of a node receives its gradient during backward. */
interface GradientRoute {
  /** Byte offset the node's backward writes dL/d(input) into; 0: not needed. */
  readonly into: number;
  /** The tensor's own gradient buffer when `into` is a scratch buffer to add into it afterwards, else 0. */
  readonly addTo: number;
  readonly size: number;
}

/**
 * Forward and backward over a graph plan (branches and merges). Every tensor
 * a learning layer depends on gets its own gradient buffer; a tensor read by
 * several layers (a branch) sums their gradients: backward visits the layers
 * in reverse topological order, the first reader writes the buffer, later ones
 * write a scratch buffer that is then added in (wasm SIMD `scaleAdd`). Layers
 * that nothing learnable precedes skip backward, as the chain path stops at its
 * first layer with weights.
 */
export class GraphPass {
  private readonly values: number[];
  private readonly gradients: number[];
  private readonly runsBackward: boolean[];
  private readonly routes: GradientRoute[][];
  /** Reused argument arrays of the merge nodes (no allocation per step). */
  private readonly mergeInputs: number[][];
  private readonly mergeGradients: number[][];

  /**
   * Reserves the merges' buffers, the gradient buffers and the accumulation
   * scratch (call before the arena commits). `outputGradient` is where the loss
   * kernel writes dL/d(output).
   */
  constructor(
    private readonly nodes: readonly EngineNode[],
    private readonly ctx: OpContext,
    inputShape: readonly number[],
    outputGradient: number,
  ) {
    const batch = ctx.maxBatch;
    for (const node of nodes) if (node.kind === 'merge') node.op.plan(ctx);
    const sizes = [sizeOf(inputShape), ...nodes.map((node) => sizeOf(node.op.outShape))];
    const readsOf = (node: EngineNode): readonly number[] =>
      node.kind === 'op' ? [node.input] : node.inputs;
    // A tensor needs its gradient when a layer with weights made it or precedes it.
    const learning: boolean[] = [false];
    for (const node of nodes)
      learning.push(node.op.params.length > 0 || readsOf(node).some((t) => learning[t]));
    this.runsBackward = nodes.map((_, i) => learning[i + 1]!);
    const last = nodes.length;
    this.gradients = sizes.map((size, t) =>
      t === last ? outputGradient : learning[t] ? ctx.arena.alloc(batch * size) : 0,
    );
    const scratch: number[] = [];
    const written = new Set<number>();
    const routes: GradientRoute[][] = [];
    for (let i = nodes.length - 1; i >= 0; i--) {
      if (!this.runsBackward[i]) {
        routes[i] = [];
        continue;
      }
      let scratchUsed = 0;
      routes[i] = readsOf(nodes[i]!).map((t) => {
        if (!learning[t]) return { into: 0, addTo: 0, size: 0 };
        if (!written.has(t)) {
          written.add(t);
          return { into: this.gradients[t]!, addTo: 0, size: sizes[t]! };
        }
        const k = scratchUsed++;
        scratch[k] ??= ctx.arena.alloc(batch * Math.max(...sizes));
        return { into: scratch[k], addTo: this.gradients[t]!, size: sizes[t]! };
      });
    }
    this.routes = routes;
    this.values = sizes.map(() => 0);
    this.mergeInputs = nodes.map((node) => (node.kind === 'merge' ? node.inputs.map(() => 0) : []));
    this.mergeGradients = routes.map((r) => r.map((route) => route.into));
  }

  /** Runs every layer; returns the byte offset of the output. */
  forward(input: number, n: number, training: boolean): number {
    const values = this.values;
    values[0] = input;
    this.nodes.forEach((node, i) => {
      if (node.kind === 'op') {
        values[i + 1] = node.op.forward(this.ctx, values[node.input]!, n, training);
        return;
      }
      const xs = this.mergeInputs[i]!;
      node.inputs.forEach((t, k) => (xs[k] = values[t]!));
      values[i + 1] = node.op.forward(this.ctx, xs, n);
    });
    return values[this.nodes.length]!;
  }

  /** Backward from dL/d(output) (already in `outputGradient`): weight gradients of every layer. */
  backward(n: number): void {
    const k = this.ctx.kernels;
    for (let i = this.nodes.length - 1; i >= 0; i--) {
      if (!this.runsBackward[i]) continue;
      const node = this.nodes[i]!;
      const dy = this.gradients[i + 1]!;
      const routes = this.routes[i]!;
      if (node.kind === 'op') node.op.backward(this.ctx, dy, routes[0]!.into, n);
      else node.op.backward(this.ctx, dy, this.mergeGradients[i]!, n);
      for (const route of routes)
        if (route.addTo !== 0) k.scaleAdd(route.addTo, 1, route.into, 1, n * route.size);
    }
  }
}
