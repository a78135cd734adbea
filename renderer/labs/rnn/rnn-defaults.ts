import type { RnnLabState } from '@core';

/**
 * The RNN lab as it first opens: 2 inputs, 2 tanh units, 3 time steps, loss on the
 * last step — small enough to do on paper, with numbers that print exactly.
 */
export const defaultRnnState: RnnLabState = {
  W: [
    [0.5, -0.3],
    [0.2, 0.4],
  ],
  U: [
    [0.1, -0.2],
    [0.3, 0.6],
  ],
  b: [0, 0.1],
  activation: 'tanh',
  xs: [
    [1, 0],
    [0.5, -1],
    [0, 1],
  ],
  ys: [
    [0, 0],
    [0, 0],
    [0.5, -0.5],
  ],
  loss: 'half-sse',
  lossAt: 'last',
  eta: 0.5,
  decimals: 4,
  selectedStep: 1,
};
