import * as tf from '@tensorflow/tfjs';

import { probeModel } from './feature-maps';
import { InspectError } from './inspect-error';
import { outputKindOf, toProbabilities } from './output-probabilities';
import { predictSample } from './predict';
import type { GatedCell, GateTrace, RecurrentCell } from './recurrent-trace';
import { traceRecurrent, UnsupportedCellError } from './recurrent-trace';
import type { ArrayND, InspectableModel } from './sample';
import { copyValues, findLayer, sampleTensor } from './sample';

/** What the gate view shows for one sample and one LSTM or GRU layer. */
export interface RecurrentGates {
  readonly layerName: string;
  readonly trace: GateTrace;
  /** The model input at each kept step (token ids for a text model), aligned with `trace.positions`. */
  readonly inputIds: readonly number[];
  /**
   * The trace steps to show: those of real tokens (id ≠ 0). Without maskZero
   * the layer also runs over the padding (id 0) and its state changes there;
   * those steps stay in the trace (they shape the state) but are not shown.
   */
  readonly shownSteps: readonly number[];
  /** How many padding steps the layer ran over (0 with maskZero, which skips them). */
  readonly paddingSteps: number;
  /** The class the whole model predicts for the sample, and its probability. */
  readonly predictedClass: number;
  readonly probability: number;
  /**
   * Per unit: how much the predicted class's probability drops when that
   * unit's final hidden state is set to 0 and the layers after the recurrent
   * layer run again (ablation). null when that is not defined here: the layer
   * returns sequences, or what follows it is not a single chain to the output.
   */
  readonly unitImpact: Float32Array | null;
}

interface InboundNodeLike {
  readonly inboundLayers: readonly tf.layers.Layer[];
}

function inboundLayersOf(layer: tf.layers.Layer): readonly tf.layers.Layer[] {
  const nodes = (layer as unknown as { inboundNodes: readonly InboundNodeLike[] }).inboundNodes;
  return nodes[0]?.inboundLayers ?? [];
}

function cellOf(layer: tf.layers.Layer): RecurrentCell {
  const className = layer.getClassName();
  if (className !== 'LSTM' && className !== 'GRU')
    throw new InspectError(
      'not-recurrent',
      `layer "${layer.name}" is a ${className}; the gate view needs an LSTM or GRU`,
    );
  const config = layer.getConfig() as {
    units?: number;
    activation?: string;
    recurrentActivation?: string;
    useBias?: boolean;
    resetAfter?: boolean;
  };
  if (config.resetAfter === true)
    throw new InspectError('not-recurrent', `GRU "${layer.name}" uses resetAfter`);
  const [kernel, recurrentKernel, bias] = layer.getWeights();
  if (!kernel || !recurrentKernel)
    throw new InspectError('not-recurrent', `layer "${layer.name}" is not built yet`);
  const units = recurrentKernel.shape[0] ?? 0;
  return {
    cell: className as GatedCell,
    inputDim: kernel.shape[0] ?? 0,
    units,
    kernel: copyValues(kernel),
    recurrentKernel: copyValues(recurrentKernel),
    bias: config.useBias === false || !bias ? null : copyValues(bias),
    activation: config.activation ?? 'tanh',
    recurrentActivation: config.recurrentActivation ?? 'hardSigmoid',
  };
}

/**
 * Which steps are real: an Embedding with maskZero anywhere on the single-input
 * path before the layer makes token id 0 padding, and TF.js then keeps the
 * recurrent state on those steps. null means every step counts.
 */
function keptSteps(
  model: InspectableModel,
  layer: tf.layers.Layer,
  sample: ArrayND,
): boolean[] | null {
  let current = inboundLayersOf(layer);
  while (current.length === 1) {
    const previous = current[0]!;
    if (previous.getClassName() === 'Embedding') {
      const maskZero = (previous.getConfig() as { maskZero?: boolean }).maskZero === true;
      const fedByInput = inboundLayersOf(previous)[0]?.getClassName() === 'InputLayer';
      if (!maskZero || !fedByInput || model.inputs.length !== 1) return null;
      return Array.from(sample.values, (id) => id !== 0);
    }
    current = inboundLayersOf(previous);
  }
  return null;
}

/** The layer's input sequence for the sample, [steps × features]. */
function layerInput(
  model: InspectableModel,
  layer: tf.layers.Layer,
  sample: ArrayND,
): Float32Array {
  const inbound = inboundLayersOf(layer);
  const source = inbound[0];
  if (inbound.length !== 1 || !source)
    throw new InspectError('not-recurrent', `layer "${layer.name}" has more than one input`);
  if (source.getClassName() === 'InputLayer') return Float32Array.from(sample.values);
  const probe = probeModel(model, [source.name]);
  const out = tf.tidy(() => probe.predict(sampleTensor(model, sample)) as tf.Tensor);
  const values = copyValues(out);
  out.dispose();
  return values;
}

/** The layers from `layer` to the model output, if they form one chain; else null. */
function headChain(model: InspectableModel, layer: tf.layers.Layer): tf.layers.Layer[] | null {
  const outputLayer = model.outputs[0]?.sourceLayer as tf.layers.Layer | undefined;
  const chain: tf.layers.Layer[] = [];
  let current = layer;
  while (current !== outputLayer) {
    const next = model.layers.filter((l) => inboundLayersOf(l).includes(current));
    const only = next[0];
    if (next.length !== 1 || !only || inboundLayersOf(only).length !== 1) return null;
    chain.push(only);
    current = only;
  }
  return chain;
}

/**
 * Δ probability of `classIndex` when each unit of the final hidden state is
 * zeroed: one batch of units + 1 rows (row 0 unchanged) through the head.
 */
function ablateUnits(
  model: InspectableModel,
  head: readonly tf.layers.Layer[],
  finalHidden: Float64Array,
  classIndex: number,
): Float32Array {
  const u = finalHidden.length;
  const rows = new Float32Array((u + 1) * u);
  for (let r = 0; r <= u; r++) {
    rows.set(finalHidden, r * u);
    if (r > 0) rows[r * u + (r - 1)] = 0;
  }
  const probs = tf.tidy(() => {
    let x: tf.Tensor = tf.tensor2d(rows, [u + 1, u]);
    for (const l of head) x = l.apply(x, { training: false }) as tf.Tensor;
    return toProbabilities(outputKindOf(model), x);
  });
  const p = copyValues(probs);
  probs.dispose();
  const classes = p.length / (u + 1);
  const base = p[classIndex] ?? 0;
  return Float32Array.from(
    { length: u },
    (_, j) => base - (p[(j + 1) * classes + classIndex] ?? 0),
  );
}

/**
 * Gates, cell and hidden state of an LSTM (or GRU) layer for one
 * preprocessed sample, recomputed from the trained weights, with the
 * model's prediction and each unit's effect on it. Disposes its tensors.
 */
export function recurrentGates(
  model: InspectableModel,
  layerName: string,
  sample: ArrayND,
): RecurrentGates {
  const layer = findLayer(model, layerName);
  const cell = cellOf(layer);
  const xs = layerInput(model, layer, sample);
  const keep = keptSteps(model, layer, sample);
  let trace: GateTrace;
  try {
    trace = traceRecurrent(cell, xs, keep);
  } catch (error) {
    if (error instanceof UnsupportedCellError)
      throw new InspectError('not-recurrent', error.message);
    throw error;
  }
  const prediction = predictSample(model, sample);
  const top = prediction.ranked[0];
  const predictedClass = top?.classIndex ?? 0;
  const returnsSequences =
    (layer.getConfig() as { returnSequences?: boolean }).returnSequences === true;
  const head = returnsSequences ? null : headChain(model, layer);
  // Token ids line up with the steps only when each input position is one step (Embedding → LSTM).
  const tokenSteps =
    sample.shape.length === 1 && xs.length === (sample.shape[0] ?? 0) * cell.inputDim;
  const inputIds = tokenSteps ? trace.positions.map((t) => sample.values[t] ?? 0) : [];
  const allSteps = trace.positions.map((_, s) => s);
  const shownSteps = tokenSteps ? allSteps.filter((s) => inputIds[s] !== 0) : allSteps;
  return {
    layerName,
    trace,
    inputIds,
    shownSteps,
    paddingSteps: allSteps.length - shownSteps.length,
    predictedClass,
    probability: top?.probability ?? 0,
    unitImpact: head ? ablateUnits(model, head, trace.finalHidden, predictedClass) : null,
  };
}
