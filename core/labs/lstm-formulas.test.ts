import { describe, expect, it } from 'vitest';
import { lstmHandStep } from './lstm-formulas';
import type { LstmWeights } from './lstm';

const one = (W: number, U: number, b: number) => ({ W: [[W]], U: [[U]], b: [b] });
const w: LstmWeights = {
  i: one(0.5, 0.1, 0),
  f: one(-0.3, 0.2, 1),
  c: one(0.8, -0.4, 0),
  o: one(0.2, 0.3, 0.1),
};

describe('LSTM hand-mode formulas', () => {
  it('writes each gate with its products, then c and h, matching a hand calculation', () => {
    const xs = [[1], [2]];
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    // Step 1 by hand (h0 = c0 = 0), then step 2.
    const c1 = s(0.5) * Math.tanh(0.8);
    const h1 = s(0.3) * Math.tanh(c1);
    const f2 = s(-0.6 + 0.2 * h1 + 1);
    const i2 = s(1 + 0.1 * h1);
    const cc2 = Math.tanh(1.6 - 0.4 * h1);
    const c2 = f2 * c1 + i2 * cc2;
    const { lines } = lstmHandStep(w, xs, 2, 0, 6);
    const by = (g: string) => lines.find((l) => l.gate === g)!;
    expect(by('f').sum?.symbolic).toBe('W_f[1,1]·x2[1] + U_f[1,1]·h1[1] + b_f[1]');
    expect(by('f').line.result).toBe(f2.toFixed(6));
    expect(by('cell').line.symbolic).toBe('f2[1]·c1[1] + i2[1]·c̃2[1]');
    expect(by('cell').line.result).toBe(c2.toFixed(6));
    expect(by('h').line.result).toBe((s(0.4 + 0.3 * h1 + 0.1) * Math.tanh(c2)).toFixed(6));
  });
});
