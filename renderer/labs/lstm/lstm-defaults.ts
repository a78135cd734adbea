import type { LstmLabState } from '@core';

const gate = (W: number[][], U: number[][], b: number[]) => ({ W, U, b });

/**
 * The LSTM lab as it first opens: 2 inputs, 1 unit, 3 steps; the forget bias is 1 as
 * Keras initialises it (unit_forget_bias), so the cell keeps most of its state.
 */
export const defaultLstmState: LstmLabState = {
  gates: {
    i: gate([[0.5, -0.2]], [[0.3]], [0]),
    f: gate([[0.1, 0.4]], [[-0.2]], [1]),
    c: gate([[0.7, 0.6]], [[0.5]], [0]),
    o: gate([[-0.3, 0.8]], [[0.2]], [0.1]),
  },
  xs: [
    [1, 0],
    [0.5, -1],
    [0, 1],
  ],
  decimals: 4,
  selectedStep: 1,
};
