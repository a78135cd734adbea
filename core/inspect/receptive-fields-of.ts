import type { GraphDoc, LayerNode, NodeId, ParamValue, Params } from '../graph/types';
import type { ReceptiveFieldRule } from '../layers/capabilities';
import { defaultParams, getLayerKind } from '../layers/catalog';
import type { Shape } from '../shapes/shape';
import type { AxisField, PaddingMode } from './receptive-field';
import {
  axisWindow,
  identityAxisField,
  shiftAxisField,
  stepAxisField,
  unionAxisFields,
  unitInterval,
} from './receptive-field';

/** Why a node has no receptive field. Stable codes; the UI words them. */
export type ReceptiveFieldGap =
  /** The network input is a flat vector: there are no pixels or time steps to point at. */
  | 'no-spatial-input'
  /** A layer on the path (Conv2DTranspose, UpSampling2D, Reshape…) does not map units to windows. */
  | 'unsupported-layer'
  /** Two merged paths step through the input with different jumps, so no single window describes them. */
  | 'mixed-paths'
  /** A size needed for `same` padding is unknown (shape inference failed upstream). */
  | 'unknown-shape';

/**
 * The theoretical receptive field of every unit of one layer, relative to one
 * network input. `spatial`: the per-axis size/jump/start (axes are [height,
 * width] for images, [time] for sequences). `global`: every unit sees the whole
 * input (after Flatten, Dense on a vector, global pooling or a recurrent layer).
 */
export type ReceptiveField =
  | {
      readonly kind: 'spatial';
      readonly inputId: NodeId;
      readonly inputSize: readonly (number | null)[];
      readonly axes: readonly AxisField[];
    }
  | {
      readonly kind: 'global';
      readonly inputId: NodeId;
      readonly inputSize: readonly (number | null)[];
    }
  | { readonly kind: 'none'; readonly reason: ReceptiveFieldGap };

/** What shape inference gives per node; a bare `Shape` or a `{ok, shape}` result are both accepted. */
export type ShapeEntry =
  Shape | { readonly ok: boolean; readonly shape?: Shape } | null | undefined;

/** An inclusive rectangle of input pixels, per axis (`lo[0]..hi[0]` rows, `lo[1]..hi[1]` columns). */
export interface InputRect {
  readonly lo: readonly number[];
  readonly hi: readonly number[];
}

/** Where one unit looks: the exact window, and the part of it inside the input (null if all padding). */
export interface UnitField {
  readonly unclipped: InputRect;
  readonly clipped: InputRect | null;
}

/**
 * Keras layers the catalog does not offer (yet): a GraphDoc cannot hold them
 * today, but the receptive-field arithmetic is known, so the rules stay here
 * until each joins the catalog with its own `inspect.receptiveField`.
 */
const outsideCatalog: Readonly<Record<string, ReceptiveFieldRule>> = {
  SeparableConv1D: { rule: 'window', axes: 1, pooling: false },
  DepthwiseConv2D: { rule: 'window', axes: 2, pooling: false },
  SeparableConv2D: { rule: 'window', axes: 2, pooling: false },
  MaxPooling1D: { rule: 'window', axes: 1, pooling: true },
  AveragePooling1D: { rule: 'window', axes: 1, pooling: true },
  GlobalAveragePooling1D: { rule: 'global' },
  GlobalMaxPooling1D: { rule: 'global' },
  GlobalMaxPooling2D: { rule: 'global' },
  Bidirectional: { rule: 'global' },
  Conv2DTranspose: { rule: 'none' },
  UpSampling1D: { rule: 'none' },
  UpSampling2D: { rule: 'none' },
  Permute: { rule: 'none' },
  RepeatVector: { rule: 'none' },
};

/** How a node's kind passes the field on: its catalog record, else `outsideCatalog`, else by shape. */
function ruleOf(kind: string): ReceptiveFieldRule {
  const inspect = getLayerKind(kind)?.inspect;
  if (inspect?.supported) return inspect.receptiveField;
  return outsideCatalog[kind] ?? { rule: 'by-shape' };
}

/** Per-sample spatial axes of an input node: 2 for images, 1 for sequences, 0 for vectors. */
function inputAxes(node: LayerNode, shape: Shape): number {
  const rule = ruleOf(node.kind);
  if (rule.rule === 'input') return rule.axes;
  return Math.max(0, Math.min(2, shape.length - 2));
}

function shapeOf(entry: ShapeEntry): Shape | null {
  if (entry == null) return null;
  if (Array.isArray(entry)) return entry as Shape;
  const result = entry as { readonly ok: boolean; readonly shape?: Shape };
  return result.ok && result.shape ? result.shape : null;
}

/** Reads a scalar-or-list param as one number per axis (`3` → `[3, 3]`). */
function perAxis(value: ParamValue | undefined, axes: number, fallback: number): number[] {
  if (typeof value === 'number') return Array<number>(axes).fill(value);
  if (Array.isArray(value) && value.length >= axes) return value.slice(0, axes) as number[];
  return Array<number>(axes).fill(fallback);
}

function paddingMode(value: ParamValue | undefined): PaddingMode {
  return value === 'same' || value === 'causal' ? value : 'valid';
}

function windowStep(
  spec: Extract<ReceptiveFieldRule, { rule: 'window' }>,
  params: Params,
  input: Extract<ReceptiveField, { kind: 'spatial' }>,
  inputShape: Shape | null,
): ReceptiveField {
  if (spec.axes !== input.axes.length) return { kind: 'none', reason: 'unsupported-layer' };
  const kernels = perAxis(
    spec.pooling ? params['poolSize'] : params['kernelSize'],
    spec.axes,
    spec.pooling ? 2 : 1,
  );
  // Pooling strides default to the pool size (TF.js and Keras), convolutions to 1.
  const stridesParam = params['strides'];
  const strides =
    stridesParam == null && spec.pooling ? kernels : perAxis(stridesParam, spec.axes, 1);
  const dilations = spec.pooling
    ? Array<number>(spec.axes).fill(1)
    : perAxis(params['dilationRate'], spec.axes, 1);
  const padding = paddingMode(params['padding']);
  const axes: AxisField[] = [];
  for (let a = 0; a < spec.axes; a++) {
    const length = inputShape?.[a + 1];
    if (padding !== 'valid' && (length == null || typeof length !== 'number'))
      return { kind: 'none', reason: 'unknown-shape' };
    const window = axisWindow(
      length ?? 0,
      kernels[a] ?? 1,
      strides[a] ?? 1,
      dilations[a] ?? 1,
      padding,
    );
    axes.push(stepAxisField(input.axes[a] ?? identityAxisField, window));
  }
  return { ...input, axes };
}

function paddingStep(
  kind: string,
  params: Params,
  input: Extract<ReceptiveField, { kind: 'spatial' }>,
): ReceptiveField {
  const sign = kind.startsWith('Cropping') ? -1 : 1;
  const raw = params[kind.startsWith('Cropping') ? 'cropping' : 'padding'];
  const before = perAxis(
    Array.isArray(raw) && raw.length === input.axes.length * 2
      ? raw.filter((_, i) => i % 2 === 0)
      : raw,
    input.axes.length,
    1,
  );
  return { ...input, axes: input.axes.map((f, a) => shiftAxisField(f, sign * (before[a] ?? 0))) };
}

function mergeFields(fields: readonly ReceptiveField[]): ReceptiveField {
  const none = fields.find((f) => f.kind === 'none');
  if (none) return none;
  const first = fields[0];
  if (!first || first.kind === 'none') return { kind: 'none', reason: 'unsupported-layer' };
  if (fields.some((f) => f.kind !== 'none' && f.inputId !== first.inputId))
    return { kind: 'none', reason: 'mixed-paths' };
  const global = fields.find((f) => f.kind === 'global');
  if (global) return global;
  let axes = (first as Extract<ReceptiveField, { kind: 'spatial' }>).axes;
  for (const f of fields.slice(1)) {
    const other = (f as Extract<ReceptiveField, { kind: 'spatial' }>).axes;
    const merged: AxisField[] = [];
    for (let a = 0; a < axes.length; a++) {
      const u = unionAxisFields(axes[a] ?? identityAxisField, other[a] ?? identityAxisField);
      if (!u) return { kind: 'none', reason: 'mixed-paths' };
      merged.push(u);
    }
    axes = merged;
  }
  return { ...first, axes } as ReceptiveField;
}

function samePrefix(a: Shape | null, b: Shape | null, axes: number): boolean {
  if (!a || !b) return false;
  for (let i = 1; i <= axes; i++) if (a[i] == null || a[i] !== b[i]) return false;
  return true;
}

/** The field of one non-input node, from the fields and shapes of its inputs. */
function fieldOfNode(
  node: LayerNode,
  inputs: readonly ReceptiveField[],
  inputShapes: readonly (Shape | null)[],
  ownShape: Shape | null,
): ReceptiveField {
  if (inputs.length === 0) return { kind: 'none', reason: 'unsupported-layer' };
  if (inputs.length > 1) return mergeFields(inputs);
  const input = inputs[0] as ReceptiveField;
  if (input.kind === 'none') return input;
  const rule = ruleOf(node.kind);
  if (rule.rule === 'global')
    return { kind: 'global', inputId: input.inputId, inputSize: input.inputSize };
  if (input.kind === 'global') return input;
  if (rule.rule === 'none' || rule.rule === 'input')
    return { kind: 'none', reason: 'unsupported-layer' };
  // Missing params mean the catalog default, exactly as compileGraph builds the layer.
  const params = { ...defaultParams(node.kind), ...node.params };
  if (rule.rule === 'window') return windowStep(rule, params, input, inputShapes[0] ?? null);
  if (/^(ZeroPadding|Cropping)[12]D$/.test(node.kind)) return paddingStep(node.kind, params, input);
  // Everything else (activations, BatchNormalization, Dropout, Dense on the
  // channel axis, Embedding…) either keeps the spatial axes (pass-through) or
  // collapses them to a vector (global).
  if (samePrefix(inputShapes[0] ?? null, ownShape, input.axes.length)) return input;
  if (ownShape && ownShape.length === 2)
    return { kind: 'global', inputId: input.inputId, inputSize: input.inputSize };
  return { kind: 'none', reason: 'unsupported-layer' };
}

/** Kahn's algorithm; incoming edges keep their document order. Nodes on a cycle are left out. */
function orderNodes(doc: GraphDoc): { order: NodeId[]; incoming: Map<NodeId, NodeId[]> } {
  const incoming = new Map<NodeId, NodeId[]>();
  const outgoing = new Map<NodeId, NodeId[]>();
  for (const id of Object.keys(doc.nodes) as NodeId[]) {
    incoming.set(id, []);
    outgoing.set(id, []);
  }
  for (const edge of Object.values(doc.edges)) {
    if (!incoming.has(edge.target) || !outgoing.has(edge.source)) continue;
    incoming.get(edge.target)?.push(edge.source);
    outgoing.get(edge.source)?.push(edge.target);
  }
  const waiting = new Map([...incoming].map(([id, from]) => [id, from.length]));
  const ready = [...waiting].filter(([, n]) => n === 0).map(([id]) => id);
  const order: NodeId[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as NodeId;
    order.push(id);
    for (const next of outgoing.get(id) ?? []) {
      const left = (waiting.get(next) ?? 1) - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  return { order, incoming };
}

/**
 * The theoretical receptive field of every node of a graph, for the canvas
 * (size, jump and start on each node) and for the receptive-field overlay.
 * Pure and cheap: no TF.js, no tensors. Nodes whose shape is unknown still get
 * a field when their padding is `valid`.
 *
 * @param shapes per-node output shapes from shape inference (`Map` or record;
 *   bare shapes or `{ok, shape}` results).
 * @example
 *   const fields = receptiveFieldsOf(doc, inferShapes(doc));
 *   const f = fields.get(conv2Id); // {kind:'spatial', axes:[{size:14,jump:2,start:6.5}, …]}
 */
export function receptiveFieldsOf(
  doc: GraphDoc,
  shapes: ReadonlyMap<NodeId, ShapeEntry> | Readonly<Record<string, ShapeEntry>>,
): Map<NodeId, ReceptiveField> {
  const lookup = (id: NodeId): Shape | null =>
    shapeOf(
      shapes instanceof Map
        ? (shapes as ReadonlyMap<NodeId, ShapeEntry>).get(id)
        : (shapes as Readonly<Record<string, ShapeEntry>>)[id],
    );
  const { order, incoming } = orderNodes(doc);
  const fields = new Map<NodeId, ReceptiveField>();
  for (const id of order) {
    const node = doc.nodes[id];
    if (!node) continue;
    const from = incoming.get(id) ?? [];
    const shape = lookup(id);
    if (from.length === 0) {
      const axes = shape ? inputAxes(node, shape) : 0;
      fields.set(
        id,
        shape && axes > 0
          ? {
              kind: 'spatial',
              inputId: id,
              inputSize: shape.slice(1, 1 + axes),
              axes: Array<AxisField>(axes).fill(identityAxisField),
            }
          : { kind: 'none', reason: shape ? 'no-spatial-input' : 'unknown-shape' },
      );
      continue;
    }
    const inputFields = from.map(
      (src) => fields.get(src) ?? ({ kind: 'none', reason: 'unknown-shape' } as const),
    );
    fields.set(id, fieldOfNode(node, inputFields, from.map(lookup), shape));
  }
  return fields;
}

/**
 * The input rectangle seen by one unit (`unit` = its index per spatial axis,
 * e.g. [row, column]), exactly and clipped to the input. Global fields cover
 * the whole input; `none` fields return null.
 */
export function unitFieldOf(field: ReceptiveField, unit: readonly number[]): UnitField | null {
  if (field.kind === 'none') return null;
  const size = field.inputSize.map((n) => n ?? 0);
  if (field.kind === 'global') {
    const whole = { lo: size.map(() => 0), hi: size.map((n) => n - 1) };
    return { unclipped: whole, clipped: whole };
  }
  const lo: number[] = [];
  const hi: number[] = [];
  field.axes.forEach((axis, a) => {
    const interval = unitInterval(axis, unit[a] ?? 0);
    lo.push(interval.lo);
    hi.push(interval.hi);
  });
  const cLo = lo.map((v) => Math.max(0, v));
  const cHi = hi.map((v, a) => Math.min((size[a] ?? 1) - 1, v));
  const empty = cLo.some((v, a) => v > (cHi[a] ?? -1));
  return { unclipped: { lo, hi }, clipped: empty ? null : { lo: cLo, hi: cHi } };
}

/** The numbers a canvas node shows, ready to print: `{size: '14×14', jump: '2×2', start: '6.5, 6.5'}`. */
export interface ReceptiveFieldNumbers {
  readonly size: string;
  readonly jump: string;
  readonly start: string;
}

/**
 * Size, jump and start of a spatial field as short strings (× between axes),
 * for the canvas node; null for `global` and `none` fields (the node then
 * says "whole input" or nothing, in its own words).
 */
export function receptiveFieldNumbers(
  field: ReceptiveField | undefined,
): ReceptiveFieldNumbers | null {
  if (!field || field.kind !== 'spatial') return null;
  const num = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  return {
    size: field.axes.map((a) => a.size).join('×'),
    jump: field.axes.map((a) => a.jump).join('×'),
    start: field.axes.map((a) => num(a.start)).join(', '),
  };
}
