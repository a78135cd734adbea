/**
 * The RNN lab's state as a problem for core, and resizing it when the teacher
 * changes the number of inputs, units or steps (kept values stay, new ones are 0).
 */
import { rnnProblemOfState, type RnnLabState } from '@core';

/** The state as a problem for core (core's conversion, also used by the lab's worksheet). */
export const rnnProblemOf = rnnProblemOfState;

const resize = (M: readonly (readonly number[])[], rows: number, cols: number): number[][] =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => M[r]?.[c] ?? 0));

/** The state with `inputs` inputs, `units` hidden units and `steps` time steps. */
export function resizeRnnState(
  s: RnnLabState,
  sizes: { inputs: number; units: number; steps: number },
): RnnLabState {
  const { inputs: n, units: m, steps: T } = sizes;
  return {
    ...s,
    W: resize(s.W, m, n),
    U: resize(s.U, m, m),
    b: Array.from({ length: m }, (_, j) => s.b[j] ?? 0),
    xs: resize(s.xs, T, n),
    ys: resize(s.ys, T, m),
    selectedStep: Math.min(s.selectedStep, T),
  };
}

/** A copy of M with cell (r, c) set to v. */
export function withCell(
  M: readonly (readonly number[])[],
  r: number,
  c: number,
  v: number,
): number[][] {
  return M.map((row, i) => row.map((x, j) => (i === r && j === c ? v : x)));
}
