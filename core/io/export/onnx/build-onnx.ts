import { err, ok } from '../../../result';
import type { Result } from '../../../result';
import type { Topology, TopologyLayer } from '../../import/topology';
import { groupWeightsByLayer } from '../../import/weight-set';
import type { NamedWeight } from '../../import/weights';
import { OnnxGraphBuilder } from './onnx-graph';
import { toOnnxLayer } from './onnx-layers';
import { encodeOnnxModel, onnxType } from './onnx-proto';
import type { OnnxValueInfo } from './onnx-proto';
import { OnnxUnsupported } from './onnx-support';

/** ONNX opset 13 (2021): every runtime of the last years reads it; IR version 7 goes with it. */
export const onnxOpset = 13;
const irVersion = 7;

export interface OnnxRefusal {
  readonly code: 'onnx-unsupported';
  /** English; names the layer and the reason (logs, the CLI, the exported README). */
  readonly message: string;
  readonly layer: string;
  /** The layer's TF.js class name (the UI says which layer by name and kind, in its language). */
  readonly kind: string;
}

export interface OnnxOptions {
  /** Per-output shapes, batch first (`[null, 10]`); a null or missing dimension becomes symbolic. */
  readonly outputShapes: readonly (readonly (number | null)[])[];
  /** `metadata_props` of the model (labels, preprocessing…). */
  readonly metadata: readonly (readonly [string, string])[];
  readonly producerVersion: string;
  readonly docString: string;
}

/** Graph input/output names: `input`, `output` (and `input_2`… for more than one). */
const ioName = (base: string, i: number): string => (i === 0 ? base : `${base}_${i + 1}`);

function dims(shape: readonly (number | null | undefined)[]): (number | string)[] {
  return shape.map((d, i) => (i === 0 ? 'batch' : typeof d === 'number' ? d : `dim_${i}`));
}

function inputInfo(layer: TopologyLayer, name: string): OnnxValueInfo {
  const shape = layer.config['batch_input_shape'] ?? layer.config['batch_shape'];
  const dtype = layer.config['dtype'];
  return {
    name,
    type: dtype === 'int32' ? onnxType.int32 : onnxType.float,
    shape: Array.isArray(shape) ? dims(shape as (number | null)[]) : null,
  };
}

/**
 * `model.onnx` of a model's topology and weights (as read back from model.json):
 * opset 13, inputs `input`…, outputs `output`… with a symbolic `batch`
 * dimension, tensors in TF.js's layout (NHWC images, [batch, steps] token ids).
 * Each layer is emitted by its kind's ONNX capability; the first layer without
 * an exact ONNX form refuses the whole file, naming the layer and why.
 */
export function buildOnnxModel(
  topology: Topology,
  weights: readonly NamedWeight[],
  options: OnnxOptions,
): Result<Uint8Array, OnnxRefusal> {
  const byLayer = groupWeightsByLayer(
    weights,
    topology.layers.map((l) => l.name),
  );
  const g = new OnnxGraphBuilder();
  const values = new Map<string, string>();
  const masks = new Map<string, string | null>();
  const inputs: OnnxValueInfo[] = [];
  for (const [i, name] of topology.inputs.entries()) {
    const layer = topology.layers.find((l) => l.name === name);
    if (layer === undefined) continue;
    inputs.push(inputInfo(layer, g.reserve(ioName('input', i))));
    values.set(name, ioName('input', i));
  }
  const outputNames = topology.outputs.map((_, i) => g.reserve(ioName('output', i)));
  try {
    for (const layer of topology.layers) {
      if (layer.className === 'InputLayer') continue;
      const converted = toOnnxLayer(
        layer,
        new Map((byLayer[layer.name] ?? []).map((w) => [w.name, w])),
      );
      const inValues = layer.inbound.map((n) => values.get(n) ?? n);
      const inMask =
        layer.inbound.length === 1 ? (masks.get(layer.inbound[0] ?? '') ?? null) : null;
      g.scope = layer.name;
      const emitted = converted.emit(g, inValues, inMask);
      values.set(layer.name, emitted.output);
      masks.set(layer.name, emitted.mask ?? null);
    }
  } catch (e) {
    if (e instanceof OnnxUnsupported)
      return err({
        code: 'onnx-unsupported',
        message: e.message,
        layer: e.layerName,
        kind: topology.layers.find((l) => l.name === e.layerName)?.className ?? '',
      });
    throw e;
  }
  g.scope = '';
  const outputs = topology.outputs.map((name, i): OnnxValueInfo => {
    const outName = outputNames[i] as string;
    g.identityInto(values.get(name) ?? name, outName);
    return { name: outName, type: onnxType.float, shape: dims(options.outputShapes[i] ?? [null]) };
  });
  return ok(
    encodeOnnxModel({
      irVersion,
      opsetVersion: onnxOpset,
      producerName: 'LayerLab',
      producerVersion: options.producerVersion,
      docString: options.docString,
      graph: g.build(topology.name, inputs, outputs),
      metadata: options.metadata,
    }),
  );
}
