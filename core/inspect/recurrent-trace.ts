/**
 * The inside of a trained LSTM or GRU, step by step, recomputed from its
 * weights in float64 — what the gate view draws. Pure arithmetic: the TF.js
 * glue that reads the weights and the layer's input is `recurrent-gates.ts`.
 *
 * Weights in TF.js layout (as `layer.getWeights()` returns them):
 *   kernel [inputDim, k·units], recurrent kernel [units, k·units], bias [k·units],
 *   blocks in TF.js order: LSTM i, f, c, o (k = 4); GRU z, r, h (k = 3, resetAfter false).
 *
 *   LSTM: iₜ = σ(xₜWᵢ + hₜ₋₁Uᵢ + bᵢ), fₜ, oₜ the same; c̃ₜ = g(xₜW_c + hₜ₋₁U_c + b_c)
 *         cₜ = fₜ⊙cₜ₋₁ + iₜ⊙c̃ₜ,  hₜ = oₜ⊙g(cₜ)
 *   GRU:  zₜ = σ(xₜW_z + hₜ₋₁U_z + b_z), rₜ the same; h̃ₜ = g(xₜW_h + (rₜ⊙hₜ₋₁)U_h + b_h)
 *         hₜ = zₜ⊙hₜ₋₁ + (1 − zₜ)⊙h̃ₜ
 * σ is the layer's recurrentActivation (TF.js default hardSigmoid), g its activation (tanh).
 *
 * Masking as TF.js does it: on a masked step (a padding token behind an
 * Embedding with maskZero) the layer keeps its state and output unchanged, so
 * the trace leaves that step out and records which input positions it kept.
 */
import type { PlottableActivation } from './activation-functions';
import { activationFunction, isPlottableActivation } from './activation-functions';

export type GatedCell = 'LSTM' | 'GRU';

/** What the view can draw, per step and unit. */
export type LstmSignal = 'input' | 'forget' | 'candidate' | 'output' | 'cell' | 'hidden';
export type GruSignal = 'update' | 'reset' | 'candidate' | 'hidden';
export type TraceSignal = LstmSignal | GruSignal;

export const lstmSignals: readonly LstmSignal[] = [
  'input',
  'forget',
  'candidate',
  'output',
  'cell',
  'hidden',
];
export const gruSignals: readonly GruSignal[] = ['update', 'reset', 'candidate', 'hidden'];

/** A recurrent layer's weights and settings, as plain numbers. */
export interface RecurrentCell {
  readonly cell: GatedCell;
  readonly inputDim: number;
  readonly units: number;
  readonly kernel: Float32Array;
  readonly recurrentKernel: Float32Array;
  /** null for `useBias: false`. */
  readonly bias: Float32Array | null;
  readonly activation: string;
  readonly recurrentActivation: string;
}

/** The trace of one sequence: every signal at every kept step. */
export interface GateTrace {
  readonly cell: GatedCell;
  readonly units: number;
  /** Input positions of the kept steps (masked padding steps are left out). */
  readonly positions: readonly number[];
  /** Each signal as [steps × units], step s and unit j at s·units + j. */
  readonly signals: Readonly<Partial<Record<TraceSignal, Float32Array>>>;
  /** The hidden state after the last step (what a layer with returnSequences off outputs). */
  readonly finalHidden: Float64Array;
}

/** Thrown for activations the trace cannot compute; the glue turns it into an InspectError. */
export class UnsupportedCellError extends Error {}

function activationOf(name: string): (z: number) => number {
  if (!isPlottableActivation(name) || name === 'softmax')
    throw new UnsupportedCellError(`activation "${name}" is not supported in the gate view`);
  return activationFunction(name as PlottableActivation).f;
}

/** x·W (+ b) for one step: the input part of every block at once. */
function inputProjection(cell: RecurrentCell, xs: Float32Array, step: number): Float64Array {
  const width = cell.kernel.length / cell.inputDim;
  const out = new Float64Array(width);
  if (cell.bias) for (let j = 0; j < width; j++) out[j] = cell.bias[j]!;
  const base = step * cell.inputDim;
  for (let k = 0; k < cell.inputDim; k++) {
    const x = xs[base + k]!;
    if (x === 0) continue;
    const row = k * width;
    for (let j = 0; j < width; j++) out[j]! += x * cell.kernel[row + j]!;
  }
  return out;
}

/** Adds h·U[:, from, from+count) into `into` (offset `from` in the block row). */
function addRecurrent(
  cell: RecurrentCell,
  h: Float64Array,
  into: Float64Array,
  from: number,
  count: number,
): void {
  const width = cell.recurrentKernel.length / cell.units;
  for (let k = 0; k < cell.units; k++) {
    const v = h[k]!;
    if (v === 0) continue;
    const row = k * width + from;
    for (let j = 0; j < count; j++) into[from + j]! += v * cell.recurrentKernel[row + j]!;
  }
}

/**
 * Runs the cell over `xs` ([steps × inputDim], row-major). `keep[t]` false
 * marks a masked step (state carried over, step left out of the trace).
 */
export function traceRecurrent(
  cell: RecurrentCell,
  xs: Float32Array,
  keep: readonly boolean[] | null = null,
): GateTrace {
  const g = activationOf(cell.activation);
  const sigma = activationOf(cell.recurrentActivation);
  const u = cell.units;
  const steps = Math.floor(xs.length / cell.inputDim);
  const positions: number[] = [];
  for (let t = 0; t < steps; t++) if (keep?.[t] ?? true) positions.push(t);
  const names = cell.cell === 'LSTM' ? lstmSignals : gruSignals;
  const signals = Object.fromEntries(
    names.map((n) => [n, new Float32Array(positions.length * u)]),
  ) as Partial<Record<TraceSignal, Float32Array>>;
  let h = new Float64Array(u);
  let c = new Float64Array(u);
  positions.forEach((t, s) => {
    const z = inputProjection(cell, xs, t);
    const at = s * u;
    if (cell.cell === 'LSTM') {
      addRecurrent(cell, h, z, 0, 4 * u);
      const nextC = new Float64Array(u);
      const nextH = new Float64Array(u);
      for (let j = 0; j < u; j++) {
        const i = sigma(z[j]!);
        const f = sigma(z[u + j]!);
        const cand = g(z[2 * u + j]!);
        const o = sigma(z[3 * u + j]!);
        nextC[j] = f * c[j]! + i * cand;
        nextH[j] = o * g(nextC[j]!);
        signals.input![at + j] = i;
        signals.forget![at + j] = f;
        signals.candidate![at + j] = cand;
        signals.output![at + j] = o;
        signals.cell![at + j] = nextC[j]!;
        signals.hidden![at + j] = nextH[j]!;
      }
      c = nextC;
      h = nextH;
    } else {
      addRecurrent(cell, h, z, 0, 2 * u);
      const zGate = new Float64Array(u);
      const rh = new Float64Array(u);
      for (let j = 0; j < u; j++) {
        zGate[j] = sigma(z[j]!);
        const r = sigma(z[u + j]!);
        rh[j] = r * h[j]!;
        signals.update![at + j] = zGate[j]!;
        signals.reset![at + j] = r;
      }
      addRecurrent(cell, rh, z, 2 * u, u);
      const nextH = new Float64Array(u);
      for (let j = 0; j < u; j++) {
        const cand = g(z[2 * u + j]!);
        nextH[j] = zGate[j]! * h[j]! + (1 - zGate[j]!) * cand;
        signals.candidate![at + j] = cand;
        signals.hidden![at + j] = nextH[j]!;
      }
      h = nextH;
    }
  });
  return { cell: cell.cell, units: u, positions, signals, finalHidden: h };
}
