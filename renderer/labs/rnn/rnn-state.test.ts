import { parseLabFile, serializeLabFile } from '@core';
import { describe, expect, it } from 'vitest';

import { defaultLstmState } from '../lstm/lstm-defaults';
import { defaultWordVectorsState } from '../word-vectors/word-vectors-defaults';

import { defaultRnnState } from './rnn-defaults';
import { resizeRnnState, rnnProblemOf, withCell } from './rnn-state';

describe('RNN lab state', () => {
  it('resizes every matrix, keeping typed values and filling new ones with 0', () => {
    const s = resizeRnnState(
      { ...defaultRnnState, selectedStep: 4 },
      { inputs: 3, units: 3, steps: 2 },
    );
    expect(s.W).toHaveLength(3);
    expect(s.W.every((r) => r.length === 3)).toBe(true);
    expect(s.W[0]?.[0]).toBe(defaultRnnState.W[0]?.[0]);
    expect(s.W[2]).toEqual([0, 0, 0]);
    expect(s.U.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(s.b).toHaveLength(3);
    expect(s.xs).toHaveLength(2);
    expect(s.ys.map((r) => r.length)).toEqual([3, 3]);
    expect(s.selectedStep).toBe(2);
  });
  it('sets one cell and maps to a core problem', () => {
    expect(
      withCell(
        [
          [1, 2],
          [3, 4],
        ],
        1,
        0,
        9,
      ),
    ).toEqual([
      [1, 2],
      [9, 4],
    ]);
    expect(rnnProblemOf(defaultRnnState).activation).toBe('tanh');
  });
  it('the RNN, LSTM and word-vectors labs save to a lab file and open again unchanged', () => {
    for (const file of [
      { lab: 'rnn', state: defaultRnnState },
      { lab: 'lstm', state: defaultLstmState },
      { lab: 'word-vectors', state: defaultWordVectorsState('en') },
    ] as const) {
      const parsed = parseLabFile(serializeLabFile(file));
      expect(parsed).toEqual({ ok: true, value: file });
    }
    const bad = serializeLabFile({ lab: 'rnn', state: { ...defaultRnnState, xs: [] } });
    expect(parseLabFile(bad)).toMatchObject({ ok: false, error: { code: 'lab-file-invalid' } });
  });
});
