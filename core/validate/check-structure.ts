import { adjacencyOf, findCycle } from '../graph/queries';
import type { GraphDoc, LayerNode, NodeId } from '../graph/types';
import { getLayerSpec, isInputKind } from '../layers/catalog';
import type { Diagnostic } from './diagnostic';

/** Layer names longer than this are refused by `renameLayer` and flagged here. */
export const maxLayerNameLength = 100;

/**
 * Structural problems: empty graph, inputs and outputs, cycles, arity,
 * disconnected layers, names, unknown kinds. Keras's `map_graph` checks the
 * same things before building a functional model.
 */
export function checkStructure(doc: GraphDoc): Diagnostic[] {
  const nodes = Object.values(doc.nodes);
  if (nodes.length === 0) return [{ code: 'graph-empty', severity: 'error', args: {} }];
  const out: Diagnostic[] = [];
  const { incoming, outgoing } = adjacencyOf(doc);
  const nodeArgs = (n: LayerNode) => ({ name: n.name, kind: n.kind });

  for (const edge of Object.values(doc.edges)) {
    const missing = [edge.source, edge.target].filter((id) => !doc.nodes[id]);
    if (missing.length > 0)
      out.push({
        code: 'dangling-edge',
        severity: 'error',
        edgeId: edge.id,
        args: { missing: missing.join(', ') },
      });
  }

  const cycle = findCycle(doc);
  if (cycle) {
    const names = cycle.map((id) => doc.nodes[id]?.name ?? id).join(' → ');
    out.push({
      code: 'graph-cycle',
      severity: 'error',
      nodeId: cycle[0] as NodeId,
      args: { names },
    });
  }

  const inputs = nodes.filter((n) => isInputKind(n.kind));
  if (inputs.length === 0) out.push({ code: 'no-input', severity: 'error', args: {} });
  if (inputs.length > 1) {
    for (const extra of inputs.slice(1))
      out.push({
        code: 'multiple-inputs',
        severity: 'error',
        nodeId: extra.id,
        args: { count: inputs.length },
      });
  }

  const lonely = nodes.length === 1;
  const sinks: LayerNode[] = [];
  for (const node of nodes) {
    const ins = incoming.get(node.id)?.length ?? 0;
    const outs = outgoing.get(node.id)?.length ?? 0;
    const spec = getLayerSpec(node.kind);
    if (!spec) {
      out.push({
        code: 'unknown-layer-kind',
        severity: 'error',
        nodeId: node.id,
        args: nodeArgs(node),
      });
      if (ins > 0 && outs === 0) sinks.push(node);
      continue;
    }
    if (ins === 0 && outs === 0) {
      if (!lonely)
        out.push({
          code: 'disconnected-node',
          severity: 'error',
          nodeId: node.id,
          args: nodeArgs(node),
        });
      continue;
    }
    if (ins < spec.arity.min)
      out.push({
        code: 'missing-input',
        severity: 'error',
        nodeId: node.id,
        args: { ...nodeArgs(node), min: spec.arity.min, actual: ins },
      });
    if (ins > spec.arity.max)
      out.push({
        code: 'too-many-inputs',
        severity: 'error',
        nodeId: node.id,
        args: { ...nodeArgs(node), max: spec.arity.max, actual: ins },
      });
    if (outs === 0 && spec.family !== 'input') sinks.push(node);
    if (outs > 0 && node.kind === 'OutputHead')
      out.push({
        code: 'head-not-at-end',
        severity: 'error',
        nodeId: node.id,
        args: nodeArgs(node),
      });
  }
  if (inputs.length > 0 && sinks.length === 0 && !cycle)
    out.push({ code: 'no-output', severity: 'error', nodeId: inputs[0]!.id, args: {} });
  // Several outputs train when each ends in an Output head (its own loss); check-heads.ts checks them.
  if (sinks.length > 1 && !sinks.every((n) => n.kind === 'OutputHead')) {
    const names = sinks.map((n) => n.name).join(', ');
    for (const sink of sinks)
      out.push({
        code: 'multiple-outputs',
        severity: 'error',
        nodeId: sink.id,
        args: { count: sinks.length, names },
      });
  }

  out.push(...checkNames(nodes));
  return out;
}

function checkNames(nodes: readonly LayerNode[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byName = new Map<string, LayerNode[]>();
  for (const node of nodes) {
    if (node.name.trim() === '') {
      out.push({
        code: 'empty-name',
        severity: 'error',
        nodeId: node.id,
        args: { kind: node.kind, name: node.name },
      });
      continue;
    }
    const list = byName.get(node.name);
    if (list) list.push(node);
    else byName.set(node.name, [node]);
  }
  for (const [name, list] of byName) {
    if (list.length < 2) continue;
    for (const node of list)
      out.push({
        code: 'duplicate-name',
        severity: 'error',
        nodeId: node.id,
        args: { name, kind: node.kind },
      });
  }
  return out;
}
