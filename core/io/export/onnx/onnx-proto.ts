/**
 * The ONNX protobuf messages LayerLab writes, and their encoding. Field numbers
 * are those of onnx/onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto,
 * AttributeProto, ValueInfoProto); only the fields an exported network uses are
 * modelled. The bytes are written with protobufjs's `Writer` (the minimal build:
 * no code generation at run time, so it also runs under the app's CSP).
 */
import protobuf from 'protobufjs/minimal.js';

/** TensorProto.DataType values used here. */
export const onnxType = { float: 1, int32: 6, int64: 7, bool: 9 } as const;
export type OnnxElementType = (typeof onnxType)[keyof typeof onnxType];

/** A constant tensor (an initializer): float32, int32 or int64 values with their shape. */
export interface OnnxTensor {
  readonly name: string;
  readonly dims: readonly number[];
  readonly data:
    | { readonly type: 'float'; readonly values: Float32Array }
    | { readonly type: 'int32'; readonly values: Int32Array }
    | { readonly type: 'int64'; readonly values: readonly number[] };
}

/** A node attribute; `graph` holds a subgraph (Scan's body). */
export type OnnxAttributeValue =
  | { readonly int: number }
  | { readonly float: number }
  | { readonly string: string }
  | { readonly ints: readonly number[] }
  | { readonly floats: readonly number[] }
  | { readonly strings: readonly string[] }
  | { readonly graph: OnnxGraph };

export interface OnnxNode {
  readonly opType: string;
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: Readonly<Record<string, OnnxAttributeValue>>;
}

/** A graph input or output: its element type and shape (a string is a symbolic dimension: `batch`). */
export interface OnnxValueInfo {
  readonly name: string;
  readonly type: OnnxElementType;
  readonly shape: readonly (number | string)[] | null;
}

export interface OnnxGraph {
  readonly name: string;
  readonly nodes: readonly OnnxNode[];
  readonly initializers: readonly OnnxTensor[];
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
}

export interface OnnxModel {
  /** IR version 7 goes with opset 13 (onnx/docs/Versioning.md). */
  readonly irVersion: number;
  readonly opsetVersion: number;
  readonly producerName: string;
  readonly producerVersion: string;
  readonly docString: string;
  readonly graph: OnnxGraph;
  /** `metadata_props`: string key → string value (JSON for structured values). */
  readonly metadata: readonly (readonly [string, string])[];
}

type Writer = protobuf.Writer;
const lengthDelimited = 2;
const varint = 0;
const fixed32 = 5;

/** Writes `field` as an embedded message built by `body`. */
function message(w: Writer, field: number, body: (w: Writer) => void): void {
  w.uint32((field << 3) | lengthDelimited).fork();
  body(w);
  w.ldelim();
}
const str = (w: Writer, field: number, value: string): void => {
  w.uint32((field << 3) | lengthDelimited).string(value);
};
const int64 = (w: Writer, field: number, value: number): void => {
  w.uint32((field << 3) | varint).int64(value);
};
const int32 = (w: Writer, field: number, value: number): void => {
  w.uint32((field << 3) | varint).int32(value);
};

function writeTensor(w: Writer, t: OnnxTensor): void {
  for (const d of t.dims) int64(w, 1, d);
  const { data } = t;
  int32(w, 2, onnxType[data.type]);
  str(w, 8, t.name);
  if (data.type === 'int64') {
    // int64_data (7), packed.
    w.uint32((7 << 3) | lengthDelimited).fork();
    for (const v of data.values) w.int64(v);
    w.ldelim();
    return;
  }
  // raw_data (9): little-endian bytes, as ONNX requires.
  const v = data.values;
  const bytes = new Uint8Array(v.byteLength);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < v.length; i++)
    if (data.type === 'float') view.setFloat32(i * 4, v[i] as number, true);
    else view.setInt32(i * 4, v[i] as number, true);
  w.uint32((9 << 3) | lengthDelimited).bytes(bytes);
}

function writeAttribute(w: Writer, name: string, value: OnnxAttributeValue): void {
  str(w, 1, name);
  if ('int' in value) {
    int64(w, 3, value.int);
    int32(w, 20, 2);
  } else if ('float' in value) {
    w.uint32((2 << 3) | fixed32).float(value.float);
    int32(w, 20, 1);
  } else if ('string' in value) {
    str(w, 4, value.string);
    int32(w, 20, 3);
  } else if ('graph' in value) {
    message(w, 6, (g) => writeGraph(g, value.graph));
    int32(w, 20, 5);
  } else if ('floats' in value) {
    for (const f of value.floats) w.uint32((7 << 3) | fixed32).float(f);
    int32(w, 20, 6);
  } else if ('ints' in value) {
    for (const i of value.ints) int64(w, 8, i);
    int32(w, 20, 7);
  } else {
    for (const s of value.strings) str(w, 9, s);
    int32(w, 20, 8);
  }
}

function writeNode(w: Writer, n: OnnxNode): void {
  for (const i of n.inputs) str(w, 1, i);
  for (const o of n.outputs) str(w, 2, o);
  str(w, 3, n.name);
  str(w, 4, n.opType);
  for (const [name, value] of Object.entries(n.attributes))
    message(w, 5, (a) => writeAttribute(a, name, value));
}

function writeValueInfo(w: Writer, v: OnnxValueInfo): void {
  str(w, 1, v.name);
  // type (2) → TypeProto.tensor_type (1) → elem_type (1), shape (2) → dim (1) → dim_value (1) | dim_param (2)
  message(w, 2, (type) =>
    message(type, 1, (tensor) => {
      int32(tensor, 1, v.type);
      if (v.shape === null) return;
      const dims = v.shape;
      message(tensor, 2, (shape) => {
        for (const d of dims)
          message(shape, 1, (dim) => (typeof d === 'number' ? int64(dim, 1, d) : str(dim, 2, d)));
      });
    }),
  );
}

function writeGraph(w: Writer, g: OnnxGraph): void {
  for (const n of g.nodes) message(w, 1, (m) => writeNode(m, n));
  str(w, 2, g.name);
  for (const t of g.initializers) message(w, 5, (m) => writeTensor(m, t));
  for (const i of g.inputs) message(w, 11, (m) => writeValueInfo(m, i));
  for (const o of g.outputs) message(w, 12, (m) => writeValueInfo(m, o));
}

/** The `.onnx` file of a model: a serialized ModelProto. */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const w = protobuf.Writer.create();
  int64(w, 1, model.irVersion);
  str(w, 2, model.producerName);
  str(w, 3, model.producerVersion);
  str(w, 6, model.docString);
  message(w, 7, (g) => writeGraph(g, model.graph));
  message(w, 8, (o) => {
    str(o, 1, '');
    int64(o, 2, model.opsetVersion);
  });
  for (const [key, value] of model.metadata)
    message(w, 14, (m) => {
      str(m, 1, key);
      str(m, 2, value);
    });
  return w.finish();
}
