import * as tf from '@tensorflow/tfjs';

import type { GraphDoc, NodeId } from '../graph/types';
import { getLayerSpec as catalogSpec } from '../layers/catalog';
import type { LayerSpec } from '../layers/spec';
import type { InferenceContext } from '../shapes/inference-context';
import type { Diagnostic } from '../validate/diagnostic';
import { CompileError } from './compile-error';
import { compileOrder, outputNodes } from './graph-order';
import { withSeededMathRandom } from './seeded-random';

/** What compiling needs besides the graph. */
export interface CompileContext {
  /** The graph's diagnostics (from `validateGraph`); any `error` blocks compiling. */
  readonly diagnostics: readonly Diagnostic[];
  /** Spec lookup; the layer catalog's `getLayerSpec` unless a test swaps it. */
  readonly getLayerSpec?: (kind: string) => LayerSpec | undefined;
  /**
   * What the dataset fixes (class count, vocabulary, sequence length): params
   * that follow the dataset (`unitsFromDataset`…) resolve from it, exactly as
   * shape inference did.
   */
  readonly inference?: InferenceContext;
  /** Input kinds whose samples are token ids (Embedding inputs) get an int32 `tf.input`. */
  readonly integerInputKinds?: readonly string[];
  /**
   * Seeds the layers' initial weights (the project's `training.seed`), so the
   * same project starts from the same weights on every run. Without it TF.js
   * draws them from `Math.random`.
   */
  readonly seed?: number;
}

/** Throws `CompileError('graph-has-errors')` naming the first blocking diagnostic, if any. */
export function refuseBlockingDiagnostics(diagnostics: readonly Diagnostic[]): void {
  const blocking = diagnostics.find((d) => d.severity === 'error');
  if (blocking) {
    throw new CompileError(
      'graph-has-errors',
      `The graph has a blocking problem: ${blocking.code}`,
      { diagnostic: blocking },
    );
  }
}

/**
 * Builds the TF.js model of a graph with the functional API: `tf.input` for
 * each input node and `layer.apply` in topological order, so branches and
 * merges work and every TF.js layer is named after its node.
 *
 * Refuses (throws `CompileError`) a graph with a blocking diagnostic: the UI
 * disables Train in that case, so reaching this is a caller bug or a stale check.
 * The model is not compiled for training; see `compileForTraining`.
 */
export function compileGraph(graph: GraphDoc, context: CompileContext): tf.LayersModel {
  const { seed } = context;
  return seed === undefined
    ? buildModel(graph, context)
    : withSeededMathRandom(seed, () => buildModel(graph, context));
}

function buildModel(graph: GraphDoc, context: CompileContext): tf.LayersModel {
  refuseBlockingDiagnostics(context.diagnostics);
  const ordered = compileOrder(graph);
  if (!ordered) throw new CompileError('graph-has-errors', 'The graph has a cycle');
  const integerKinds = new Set(context.integerInputKinds ?? ['SequenceInput']);
  const getSpec = context.getLayerSpec ?? catalogSpec;

  const outputs = new Map<NodeId, tf.SymbolicTensor>();
  const inputs: tf.SymbolicTensor[] = [];
  for (const node of ordered.order) {
    const spec = getSpec(node.kind);
    if (!spec)
      throw new CompileError('unknown-layer-kind', `Unknown layer kind ${node.kind}`, {
        nodeName: node.name,
      });
    const params = spec.resolveParams
      ? spec.resolveParams(node.params, context.inference ?? {})
      : node.params;
    if (spec.inputShape) {
      const input = tf.input({
        shape: spec.inputShape(params),
        name: node.name,
        dtype: integerKinds.has(node.kind) ? 'int32' : 'float32',
      });
      inputs.push(input);
      outputs.set(node.id, input);
      continue;
    }
    if (!spec.toTf)
      throw new CompileError('unknown-layer-kind', `Layer kind ${node.kind} cannot be compiled`, {
        nodeName: node.name,
      });
    const incoming = (ordered.inputsOf.get(node.id) ?? []).map((e) => outputs.get(e.source));
    if (incoming.length === 0 || incoming.some((t) => t === undefined)) {
      throw new CompileError('no-input', `Layer ${node.name} has no input`, {
        nodeName: node.name,
      });
    }
    const symbolic = incoming as tf.SymbolicTensor[];
    try {
      const layer = spec.toTf(params, node.name);
      const applied = layer.apply(symbolic.length === 1 ? symbolic[0]! : symbolic);
      outputs.set(
        node.id,
        Array.isArray(applied) ? (applied[0] as tf.SymbolicTensor) : (applied as tf.SymbolicTensor),
      );
    } catch (cause) {
      throw new CompileError(
        'tfjs-rejected',
        `TF.js rejected layer ${node.name}: ${(cause as Error).message}`,
        { nodeName: node.name },
      );
    }
  }
  if (inputs.length === 0) throw new CompileError('no-input', 'The graph has no input layer');
  const outs = outputNodes(graph)
    .filter((n) => !getSpec(n.kind)?.inputShape)
    .map((n) => outputs.get(n.id))
    .filter((t): t is tf.SymbolicTensor => t !== undefined);
  if (outs.length === 0) throw new CompileError('no-output', 'The graph has no output layer');
  try {
    return tf.model({ inputs, outputs: outs.length === 1 ? outs[0]! : outs });
  } catch (cause) {
    throw new CompileError(
      'tfjs-rejected',
      `TF.js rejected the graph: ${(cause as Error).message}`,
    );
  }
}
