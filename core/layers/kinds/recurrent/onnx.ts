import {
  activationName,
  emitNamedActivation,
  hasActivationNodes,
  recurrentActivation,
} from '../../../io/export/onnx/onnx-activations';
import type { OnnxGraphBuilder } from '../../../io/export/onnx/onnx-graph';
import { need, OnnxUnsupported } from '../../../io/export/onnx/onnx-support';
import type { OnnxLayer, Weights } from '../../../io/export/onnx/onnx-support';
import { permuteAxes } from '../../../io/export/pytorch/tensor-layout';
import type { TopologyLayer } from '../../../io/import/topology';

type Cell = 'SimpleRNN' | 'LSTM' | 'GRU';
const gateCount: Readonly<Record<Cell, number>> = { SimpleRNN: 1, LSTM: 4, GRU: 3 };

/** Rows `[from, from + count)` blocks of `units` rows each, in the order `blocks`. */
function reorderBlocks(
  values: Float32Array,
  rowLength: number,
  units: number,
  blocks: readonly number[],
): Float32Array {
  const out = new Float32Array(values.length);
  const block = units * rowLength;
  blocks.forEach((b, i) => out.set(values.subarray(b * block, (b + 1) * block), i * block));
  return out;
}

interface RecurrentWeights {
  readonly inputSize: number;
  readonly units: number;
  /** TF.js layouts: kernel [in, G·units], recurrent kernel [units, G·units], bias [G·units]. */
  readonly kernel: Float32Array;
  readonly recurrentKernel: Float32Array;
  readonly bias: Float32Array;
}

/**
 * The ONNX RNN/GRU/LSTM op. Its weights are [gates·units, in] with LSTM gates
 * ordered i, o, f, c (Keras: i, f, c, o) and GRU gates z, r, h (as Keras);
 * TF.js has one bias, so the recurrent bias (the second half of B) is zero.
 * Keras GRU (reset_after false) is linear_before_reset 0. X is time-major.
 */
function nativeOp(
  g: OnnxGraphBuilder,
  cell: Cell,
  w: RecurrentWeights,
  x: string,
  activations: readonly string[],
  returnSequences: boolean,
): string {
  const { inputSize, units } = w;
  const gates = gateCount[cell];
  const lstmOrder = [0, 3, 1, 2]; // ONNX block k holds Keras block lstmOrder[k]: i, o, f, c
  const order = cell === 'LSTM' ? lstmOrder : Array.from({ length: gates }, (_, i) => i);
  const wT = permuteAxes(w.kernel, [inputSize, gates * units], [1, 0]).values;
  const rT = permuteAxes(w.recurrentKernel, [units, gates * units], [1, 0]).values;
  const bias = new Float32Array(2 * gates * units);
  bias.set(reorderBlocks(w.bias, 1, units, order));
  const forms = activations.map((a) => recurrentActivation(a)!);
  const attributes = {
    hidden_size: { int: units },
    direction: { string: 'forward' },
    activations: { strings: forms.map((f) => f.name) },
    ...(forms.some((f) => f.alpha.length > 0)
      ? { activation_alpha: { floats: forms.flatMap((f) => f.alpha) } }
      : {}),
    ...(forms.some((f) => f.beta.length > 0)
      ? { activation_beta: { floats: forms.flatMap((f) => f.beta) } }
      : {}),
    ...(cell === 'GRU' ? { linear_before_reset: { int: 0 } } : {}),
  };
  const op = cell === 'SimpleRNN' ? 'RNN' : cell;
  const timeMajor = g.node('Transpose', [x], { perm: { ints: [1, 0, 2] } }, 'time_major');
  const [y, yh] = g.nodeWithOutputs(
    op,
    [
      timeMajor,
      g.floats('W', reorderBlocks(wT, inputSize, units, order), [1, gates * units, inputSize]),
      g.floats('R', reorderBlocks(rT, units, units, order), [1, gates * units, units]),
      g.floats('B', bias, [1, 2 * gates * units]),
    ],
    2,
    attributes,
  );
  if (!returnSequences) return g.node('Squeeze', [yh!, g.int64s('axes', [0])], {}, 'h');
  // Y is [steps, directions, batch, units].
  const steps = g.node('Squeeze', [y!, g.int64s('axes', [1])], {}, 'steps');
  return g.node('Transpose', [steps], { perm: { ints: [1, 0, 2] } }, 'sequence');
}

/**
 * The recurrence as a Scan over the time axis, one step per iteration, with
 * TF.js's equations written out: used when an Embedding with mask_zero masks
 * steps (a masked step keeps h and c, and outputs the previous h, as TF.js's
 * rnn() does) or when an activation has no RNN-op form. Exact for any mask.
 */
function scanOp(
  g: OnnxGraphBuilder,
  cell: Cell,
  w: RecurrentWeights,
  x: string,
  mask: string | null,
  activation: string,
  recurrent: string,
  returnSequences: boolean,
): string {
  const { inputSize, units } = w;
  const gates = gateCount[cell];
  // x W + b for every step at once: [batch, steps, G·units].
  const projected = g.node('Add', [
    g.node('MatMul', [x, g.floats('kernel', w.kernel, [inputSize, gates * units])]),
    g.floats('bias', w.bias, [gates * units]),
  ]);
  // GRU multiplies r·h by its candidate kernel alone, so it takes the recurrent kernel per gate
  // ([units, units] column blocks of TF.js's [units, G·units]); LSTM and SimpleRNN take it whole.
  const uT = permuteAxes(w.recurrentKernel, [units, gates * units], [1, 0]).values;
  const gateKernel = (k: number): string =>
    g.floats(
      `recurrent_kernel_${k}`,
      permuteAxes(uT.subarray(k * units * units, (k + 1) * units * units), [units, units], [1, 0])
        .values,
      [units, units],
    );
  const recurrentKernels = cell === 'GRU' ? [0, 1, 2].map(gateKernel) : [];
  const recurrentKernel =
    cell === 'GRU' ? '' : g.floats('recurrent_kernel', w.recurrentKernel, [units, gates * units]);

  const body = g.child();
  body.scope = `${g.scope}/step`;
  const hPrev = body.fresh('h_prev');
  const cPrev = cell === 'LSTM' ? body.fresh('c_prev') : null;
  const xt = body.fresh('x_t');
  const mt = mask === null ? null : body.fresh('mask_t');
  const act = (v: string) => emitNamedActivation(body, activation, v);
  const rec = (v: string) => emitNamedActivation(body, recurrent, v);
  let h: string;
  let c: string | null = null;
  if (cell === 'LSTM') {
    const z = body.node('Add', [xt, body.node('MatMul', [hPrev, recurrentKernel])]);
    const [i, f, cc, o] = body.nodeWithOutputs('Split', [z], 4, { axis: { int: 1 } }, 'gate');
    c = body.node('Add', [
      body.node('Mul', [rec(f!), cPrev!]),
      body.node('Mul', [rec(i!), act(cc!)]),
    ]);
    h = body.node('Mul', [rec(o!), act(c)]);
  } else if (cell === 'GRU') {
    const [xz, xr, xh] = body.nodeWithOutputs('Split', [xt], 3, { axis: { int: 1 } }, 'gate');
    const z = rec(body.node('Add', [xz!, body.node('MatMul', [hPrev, recurrentKernels[0]!])]));
    const r = rec(body.node('Add', [xr!, body.node('MatMul', [hPrev, recurrentKernels[1]!])]));
    const hh = act(
      body.node('Add', [
        xh!,
        body.node('MatMul', [body.node('Mul', [r, hPrev]), recurrentKernels[2]!]),
      ]),
    );
    const one = body.floats('one', [1], []);
    h = body.node('Add', [
      body.node('Mul', [z, hPrev]),
      body.node('Mul', [body.node('Sub', [one, z]), hh]),
    ]);
  } else {
    h = act(body.node('Add', [xt, body.node('MatMul', [hPrev, recurrentKernel])]));
  }
  if (mt !== null) {
    h = body.node('Where', [mt, h, hPrev], {}, 'h_kept');
    if (c !== null) c = body.node('Where', [mt, c, cPrev!], {}, 'c_kept');
  }
  const hOut = body.node('Identity', [h], {}, 'h_out');
  const f32 = 1;
  const stateIn = [hPrev, ...(cPrev === null ? [] : [cPrev])];
  const bodyGraph = body.build(
    'step',
    [
      ...stateIn.map((name) => ({ name, type: f32, shape: null }) as const),
      { name: xt, type: f32, shape: null },
      ...(mt === null ? [] : [{ name: mt, type: 9, shape: null } as const]),
    ],
    [h, ...(c === null ? [] : [c]), hOut].map(
      (name) => ({ name, type: f32, shape: null }) as const,
    ),
  );

  // Zero initial states [batch, units] for a batch of any size.
  const batch = g.node('Slice', [
    g.node('Shape', [x]),
    g.int64s('start', [0]),
    g.int64s('end', [1]),
  ]);
  const stateShape = g.node('Concat', [batch, g.int64s('units', [units])], { axis: { int: 0 } });
  const zeros = g.node('Expand', [
    g.floats('zeros', new Float32Array(units), [1, units]),
    stateShape,
  ]);
  const scanInputs = [projected];
  if (mask !== null) scanInputs.push(g.node('Unsqueeze', [mask, g.int64s('axes', [2])]));
  const outputs = g.nodeWithOutputs(
    'Scan',
    [...stateIn.map(() => zeros), ...scanInputs],
    stateIn.length + 1,
    {
      body: { graph: bodyGraph },
      num_scan_inputs: { int: scanInputs.length },
      scan_input_axes: { ints: scanInputs.map(() => 1) },
      scan_output_axes: { ints: [1] },
    },
  );
  return returnSequences ? outputs[stateIn.length]! : outputs[0]!;
}

/**
 * SimpleRNN, LSTM and GRU with TF.js's equations: the ONNX RNN/LSTM/GRU op
 * when no mask reaches the layer and its activations exist there, otherwise a
 * Scan (`scanOp`). A mask passes on when the layer returns sequences.
 */
export function recurrentToOnnx(cell: Cell) {
  return (layer: TopologyLayer, weights: Weights): OnnxLayer => {
    const c = layer.config;
    if (c['go_backwards'] === true || c['stateful'] === true || c['return_state'] === true)
      throw new OnnxUnsupported(
        layer.name,
        'go_backwards, stateful and return_state are not supported',
      );
    if (c['reset_after'] === true)
      throw new OnnxUnsupported(layer.name, 'GRU reset_after=true is not supported');
    const kernel = need(layer, weights, 'kernel');
    const recurrentKernel = need(layer, weights, 'recurrent_kernel');
    const [inputSize = 0, gateUnits = 0] = kernel.shape;
    const w: RecurrentWeights = {
      inputSize,
      units: recurrentKernel.shape[0] ?? 0,
      kernel: kernel.values,
      recurrentKernel: recurrentKernel.values,
      bias: weights.get('bias')?.values ?? new Float32Array(gateUnits),
    };
    const activation = activationName(layer, 'activation', 'tanh');
    const recurrent =
      cell === 'SimpleRNN'
        ? 'linear'
        : activationName(layer, 'recurrent_activation', 'hard_sigmoid');
    for (const a of [activation, recurrent])
      if (!hasActivationNodes(a) || a === 'softmax')
        throw new OnnxUnsupported(layer.name, `activation "${a}" has no ONNX counterpart here`);
    const opActivations =
      cell === 'LSTM'
        ? [recurrent, activation, activation]
        : cell === 'GRU'
          ? [recurrent, activation]
          : [activation];
    const native = opActivations.every((a) => recurrentActivation(a) !== null);
    const returnSequences = c['return_sequences'] === true;
    return {
      emit: (g, [x], mask) => ({
        output:
          mask === null && native
            ? nativeOp(g, cell, w, x!, opActivations, returnSequences)
            : scanOp(g, cell, w, x!, mask, activation, recurrent, returnSequences),
        mask: returnSequences ? mask : null,
      }),
    };
  };
}
