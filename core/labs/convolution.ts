/**
 * 2-D convolution (strictly: cross-correlation, as in every deep-learning library,
 * the kernel is not flipped) and pooling on small grids, with every output cell
 * explainable as its window and multiply-add.
 *
 * Output size per axis: out = ⌊(n + p₁ + p₂ − d(k − 1) − 1) / s⌋ + 1, where n is the
 * input size, k the kernel size, d the dilation (d(k−1)+1 is the span the kernel
 * covers), s the stride and p₁, p₂ the zero padding before and after (p₁ = p₂ = p
 * for explicit padding, giving the textbook ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1).
 * `same` padding follows TF.js: out = ⌈n/s⌉, the extra pad goes after.
 */
import { err, ok, type Result } from '../result';

/** A grid of numbers, row-major: grid[row][col]. */
export type Grid = readonly (readonly number[])[];

/**
 * `valid`: no padding (output shrinks). `same`: pad so out = ⌈n/s⌉ (TF.js rule).
 * A number: that many zero rows/columns on every side.
 */
export type Padding = 'valid' | 'same' | number;

/** Settings of a convolution. */
export interface ConvOptions {
  readonly stride: number;
  readonly padding: Padding;
  readonly dilation: number;
}

/** Largest grid the lab accepts (an MNIST image). */
export const MAX_GRID_SIZE = 28;

/** How the output size comes about, per axis (rows, then columns). */
export interface AxisPlan {
  readonly n: number;
  readonly k: number;
  readonly stride: number;
  readonly dilation: number;
  readonly padBefore: number;
  readonly padAfter: number;
  /** d(k − 1) + 1: the input span one kernel placement covers. */
  readonly span: number;
  readonly out: number;
}

/** The plan of a convolution: both axes. */
export interface ConvPlan {
  readonly rows: AxisPlan;
  readonly cols: AxisPlan;
}

/** Why a convolution cannot be computed. */
export type ConvErrorCode =
  | 'conv-empty-grid'
  | 'conv-ragged-grid'
  | 'conv-grid-too-large'
  | 'conv-bad-stride'
  | 'conv-bad-dilation'
  | 'conv-bad-padding'
  | 'conv-kernel-too-large'
  | 'conv-non-finite';

/** The textbook formula ⌊(n + p₁ + p₂ − d(k−1) − 1)/s⌋ + 1 (may be ≤ 0 when the kernel does not fit). */
export function convOutputSize(
  n: number,
  k: number,
  stride: number,
  padBefore: number,
  padAfter: number,
  dilation: number,
): number {
  return Math.floor((n + padBefore + padAfter - dilation * (k - 1) - 1) / stride) + 1;
}

function planAxis(n: number, k: number, o: ConvOptions): AxisPlan {
  const span = o.dilation * (k - 1) + 1;
  let padBefore = 0;
  let padAfter = 0;
  if (o.padding === 'same') {
    const out = Math.ceil(n / o.stride);
    const total = Math.max((out - 1) * o.stride + span - n, 0);
    padBefore = Math.floor(total / 2);
    padAfter = total - padBefore;
  } else if (typeof o.padding === 'number') {
    padBefore = padAfter = o.padding;
  }
  return {
    n,
    k,
    stride: o.stride,
    dilation: o.dilation,
    padBefore,
    padAfter,
    span,
    out: convOutputSize(n, k, o.stride, padBefore, padAfter, o.dilation),
  };
}

/** Checks a grid: non-empty, rectangular, at most MAX_GRID_SIZE, finite numbers. */
export function checkGrid(
  g: Grid,
  maxSize = MAX_GRID_SIZE,
): Result<{ rows: number; cols: number }, { code: ConvErrorCode; message: string }> {
  const rows = g.length;
  const cols = g[0]?.length ?? 0;
  if (rows === 0 || cols === 0)
    return err({ code: 'conv-empty-grid', message: 'the grid is empty' });
  if (g.some((r) => r.length !== cols))
    return err({ code: 'conv-ragged-grid', message: 'rows have different lengths' });
  if (rows > maxSize || cols > maxSize)
    return err({ code: 'conv-grid-too-large', message: `larger than ${maxSize}×${maxSize}` });
  if (!g.every((r) => r.every(Number.isFinite)))
    return err({ code: 'conv-non-finite', message: 'a cell is not a number' });
  return ok({ rows, cols });
}

/** Plans a convolution of `input` with `kernel`, or says why it cannot be done. */
export function planConv(
  input: Grid,
  kernel: Grid,
  o: ConvOptions,
): Result<ConvPlan, { code: ConvErrorCode; message: string }> {
  const gi = checkGrid(input);
  if (!gi.ok) return gi;
  const gk = checkGrid(kernel, 7);
  if (!gk.ok) return gk;
  if (!Number.isInteger(o.stride) || o.stride < 1 || o.stride > 10)
    return err({ code: 'conv-bad-stride', message: 'stride must be a whole number from 1 to 10' });
  if (!Number.isInteger(o.dilation) || o.dilation < 1 || o.dilation > 10)
    return err({
      code: 'conv-bad-dilation',
      message: 'dilation must be a whole number from 1 to 10',
    });
  if (
    typeof o.padding === 'number' &&
    (!Number.isInteger(o.padding) || o.padding < 0 || o.padding > 10)
  )
    return err({
      code: 'conv-bad-padding',
      message: 'padding must be a whole number from 0 to 10',
    });
  const plan = {
    rows: planAxis(gi.value.rows, gk.value.rows, o),
    cols: planAxis(gi.value.cols, gk.value.cols, o),
  };
  if (plan.rows.out < 1 || plan.cols.out < 1)
    return err({
      code: 'conv-kernel-too-large',
      message: 'the kernel (with dilation) is larger than the padded input',
    });
  return ok(plan);
}

/** One product of a cell's multiply-add. `inside` is false where the window lies on padding (x = 0). */
export interface ConvTerm {
  readonly kRow: number;
  readonly kCol: number;
  /** Input coordinates (may be outside the grid, on the padding). */
  readonly row: number;
  readonly col: number;
  readonly inside: boolean;
  readonly x: number;
  readonly w: number;
  readonly product: number;
}

/** The multiply-add of output cell (r, c): Σ x·w over the window. */
export function convCellTerms(
  input: Grid,
  kernel: Grid,
  plan: ConvPlan,
  r: number,
  c: number,
): { terms: ConvTerm[]; sum: number } {
  const terms: ConvTerm[] = [];
  let sum = 0;
  kernel.forEach((kr, i) =>
    kr.forEach((w, j) => {
      const row = r * plan.rows.stride - plan.rows.padBefore + i * plan.rows.dilation;
      const col = c * plan.cols.stride - plan.cols.padBefore + j * plan.cols.dilation;
      const inside = row >= 0 && col >= 0 && row < plan.rows.n && col < plan.cols.n;
      const x = inside ? (input[row]?.[col] ?? 0) : 0;
      terms.push({ kRow: i, kCol: j, row, col, inside, x, w, product: x * w });
      sum += x * w;
    }),
  );
  return { terms, sum };
}

/** The convolution itself: output[r][c] = Σ window·kernel. */
export function conv2d(
  input: Grid,
  kernel: Grid,
  o: ConvOptions,
): Result<{ output: number[][]; plan: ConvPlan }, { code: ConvErrorCode; message: string }> {
  const planned = planConv(input, kernel, o);
  if (!planned.ok) return planned;
  const plan = planned.value;
  const output = Array.from({ length: plan.rows.out }, (_, r) =>
    Array.from({ length: plan.cols.out }, (_, c) => convCellTerms(input, kernel, plan, r, c).sum),
  );
  return ok({ output, plan });
}

/** Settings of a pooling step (no padding: pooling here only down-samples). */
export interface PoolOptions {
  /** `max`: keeps the largest value of each window; `average`: their mean. */
  readonly kind: 'max' | 'average';
  readonly size: number;
  readonly stride: number;
}

/** The cells of pooling window (r, c) and its result. */
export function poolCell(
  grid: Grid,
  o: PoolOptions,
  r: number,
  c: number,
): { cells: { row: number; col: number; value: number }[]; result: number } {
  const cells: { row: number; col: number; value: number }[] = [];
  for (let i = 0; i < o.size; i++) {
    for (let j = 0; j < o.size; j++) {
      const row = r * o.stride + i;
      const col = c * o.stride + j;
      const value = grid[row]?.[col];
      if (value !== undefined) cells.push({ row, col, value });
    }
  }
  const values = cells.map((x) => x.value);
  const result =
    o.kind === 'max' ? Math.max(...values) : values.reduce((a, b) => a + b, 0) / values.length;
  return { cells, result };
}

/** Max or average pooling ('valid': windows that do not fit are dropped, as in Keras). */
export function pool2d(
  grid: Grid,
  o: PoolOptions,
): Result<
  { output: number[][]; rows: number; cols: number },
  { code: ConvErrorCode; message: string }
> {
  const g = checkGrid(grid);
  if (!g.ok) return g;
  if (!Number.isInteger(o.stride) || o.stride < 1)
    return err({ code: 'conv-bad-stride', message: 'stride must be a whole number ≥ 1' });
  if (!Number.isInteger(o.size) || o.size < 1)
    return err({ code: 'conv-kernel-too-large', message: 'pool size must be a whole number ≥ 1' });
  const rows = convOutputSize(g.value.rows, o.size, o.stride, 0, 0, 1);
  const cols = convOutputSize(g.value.cols, o.size, o.stride, 0, 0, 1);
  if (rows < 1 || cols < 1)
    return err({
      code: 'conv-kernel-too-large',
      message: 'the pool window is larger than the grid',
    });
  const output = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => poolCell(grid, o, r, c).result),
  );
  return ok({ output, rows, cols });
}
