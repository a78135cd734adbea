import { adjacencyOf, topologicalOrder } from '../graph/queries';
import type { GraphDoc, LayerNode, NodeId, Params } from '../graph/types';
import { isInputKind } from '../layers/catalog';
import type { NodeShapeInfo } from '../shapes/infer';
import { describeShape } from '../layers/read-params';
import type { TrainingConfig } from '../train/config';
import { checkHeads } from './check-heads';
import type { Diagnostic } from './diagnostic';

/** Dense after Flatten with at least this many weights gets a `parameter-explosion` warning. */
export const parameterExplosionThreshold = 1_000_000;
/** This many sigmoid/tanh layers in a row get a `vanishing-gradient` warning. */
export const saturatingStackThreshold = 4;

/** Layers that pass values through without a non-linearity of their own. */
const passThroughKinds = new Set([
  'Dropout',
  'Flatten',
  'Reshape',
  'BatchNormalization',
  'OutputHead',
]);

export interface PitfallContext {
  readonly shapes: ReadonlyMap<NodeId, NodeShapeInfo>;
  readonly training: TrainingConfig | null;
  readonly classCount: number | null;
}

/**
 * Mistakes that build fine but learn badly, as a course teaches them:
 * stacked linear layers, softmax with squared error, wrong output size,
 * Flatten → Dense blow-up, deep sigmoid stacks, Dense on an image.
 */
export function checkLearnerPitfalls(doc: GraphDoc, ctx: PitfallContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { incoming, outgoing } = adjacencyOf(doc);
  const params = (node: LayerNode): Params => {
    const info = ctx.shapes.get(node.id);
    return info?.ok ? info.resolvedParams : node.params;
  };
  const activationOf = (node: LayerNode): string | null => {
    if (node.kind === 'Softmax') return 'softmax';
    if (node.kind === 'Dense' || node.kind === 'Conv2D' || node.kind === 'Activation') {
      const a = params(node)['activation'];
      return typeof a === 'string' ? a : null;
    }
    return null;
  };
  const saturationDepth = new Map<NodeId, number>();

  for (const id of topologicalOrder(doc)) {
    const node = doc.nodes[id];
    if (!node) continue;
    const preds = (incoming.get(id) ?? []).map((e) => e.source);
    const info = ctx.shapes.get(id);

    if (node.kind === 'Dense' && activationOf(node) === 'linear') {
      const next = nextDenseThroughLinear(doc, id, outgoing);
      if (next)
        out.push({
          code: 'linear-collapse',
          severity: 'warning',
          nodeId: id,
          args: { name: node.name, kind: node.kind, next: next.name },
        });
    }

    if (node.kind === 'Dense' && info?.ok) {
      const fromFlatten = preds.some((p) => doc.nodes[p]?.kind === 'Flatten');
      if (fromFlatten && info.paramCount >= parameterExplosionThreshold) {
        const inShape = ctx.shapes.get(preds[0] as NodeId);
        const inputs = inShape?.ok ? (inShape.shape[inShape.shape.length - 1] ?? 0) : 0;
        out.push({
          code: 'parameter-explosion',
          severity: 'warning',
          nodeId: id,
          args: { name: node.name, kind: node.kind, params: info.paramCount, inputs },
        });
      }
      const inShape = ctx.shapes.get(preds[0] as NodeId);
      if (inShape?.ok && inShape.shape.length >= 4) {
        out.push({
          code: 'dense-on-image',
          severity: 'warning',
          nodeId: id,
          args: { name: node.name, kind: node.kind, actual: describeShape(inShape.shape) },
        });
      }
    }

    const act = activationOf(node);
    const before = Math.max(0, ...preds.map((p) => saturationDepth.get(p) ?? 0));
    const depth =
      act === 'sigmoid' || act === 'tanh'
        ? before + 1
        : passThroughKinds.has(node.kind) || (act === 'linear' && node.kind === 'Activation')
          ? before
          : 0;
    saturationDepth.set(id, depth);
    if (depth === saturatingStackThreshold && (act === 'sigmoid' || act === 'tanh')) {
      out.push({
        code: 'vanishing-gradient',
        severity: 'warning',
        nodeId: id,
        args: { name: node.name, kind: node.kind, count: depth },
      });
    }
  }

  out.push(...checkOutput(doc, ctx, activationOf, outgoing));
  out.push(...checkHeads(doc, ctx, (head) => outputActivation(doc, head, activationOf)));
  return out;
}

/** Follows a Dense's single outgoing path through linear pass-through layers to the next Dense. */
function nextDenseThroughLinear(
  doc: GraphDoc,
  from: NodeId,
  outgoing: ReturnType<typeof adjacencyOf>['outgoing'],
): LayerNode | null {
  let current = from;
  for (let steps = 0; steps < 16; steps++) {
    const outs = outgoing.get(current) ?? [];
    if (outs.length !== 1) return null;
    const next = doc.nodes[outs[0]!.target];
    if (!next) return null;
    if (next.kind === 'Dense') return next;
    const linearActivation = next.kind === 'Activation' && next.params['activation'] === 'linear';
    if (next.kind !== 'Dropout' && !linearActivation) return null;
    current = next.id;
  }
  return null;
}

function checkOutput(
  doc: GraphDoc,
  ctx: PitfallContext,
  activationOf: (n: LayerNode) => string | null,
  outgoing: ReturnType<typeof adjacencyOf>['outgoing'],
): Diagnostic[] {
  const sinks = Object.values(doc.nodes).filter(
    (n) => !isInputKind(n.kind) && (outgoing.get(n.id)?.length ?? 0) === 0,
  );
  // Output heads carry their own loss: check-heads.ts checks them.
  if (sinks.length !== 1 || sinks[0]!.kind === 'OutputHead') return [];
  const output = sinks[0]!;
  const info = ctx.shapes.get(output.id);
  if (!info?.ok) return [];
  const out: Diagnostic[] = [];
  const args = { name: output.name, kind: output.kind };
  if (info.shape.length > 2) {
    out.push({
      code: 'output-not-flat',
      severity: 'error',
      nodeId: output.id,
      args: { ...args, actual: describeShape(info.shape) },
    });
    return out;
  }
  const units = info.shape[1] ?? null;
  const loss = ctx.training?.loss ?? null;
  const activation = outputActivation(doc, output, activationOf);

  if (ctx.classCount !== null && units !== null) {
    const binaryOk = ctx.classCount === 2 && units === 1 && loss === 'binaryCrossentropy';
    if (units !== ctx.classCount && !binaryOk) {
      out.push({
        code: 'output-units-mismatch',
        severity: 'error',
        nodeId: output.id,
        args: { ...args, units, classes: ctx.classCount },
      });
    }
  }
  const classes = ctx.classCount ?? units ?? 0;
  if (loss === 'meanSquaredError' && activation === 'softmax' && classes > 2) {
    out.push({
      code: 'softmax-mse',
      severity: 'warning',
      nodeId: output.id,
      args: { ...args, classes },
    });
  }
  const expected =
    loss === 'binaryCrossentropy'
      ? 'sigmoid'
      : loss === 'categoricalCrossentropy' || loss === 'sparseCategoricalCrossentropy'
        ? 'softmax'
        : null;
  // One sigmoid unit is the right output for categorical losses too only when it is binary; keep the advice simple.
  if (
    expected &&
    activation !== null &&
    activation !== expected &&
    !(expected === 'softmax' && units === 1)
  ) {
    out.push({
      code: 'loss-activation-mismatch',
      severity: 'warning',
      nodeId: output.id,
      args: { ...args, activation, loss: loss ?? '', expected },
    });
  }
  return out;
}

/** The activation that produces the network's output, looking back through Dropout/Flatten/Reshape. */
function outputActivation(
  doc: GraphDoc,
  output: LayerNode,
  activationOf: (n: LayerNode) => string | null,
): string | null {
  let node: LayerNode | undefined = output;
  const { incoming } = adjacencyOf(doc);
  for (let steps = 0; node && steps < 16; steps++) {
    const act = activationOf(node);
    if (act !== null) return act;
    if (!passThroughKinds.has(node.kind)) return null;
    const first: NodeId | undefined = incoming.get(node.id)?.[0]?.source;
    node = first ? doc.nodes[first] : undefined;
  }
  return null;
}
