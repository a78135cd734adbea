/**
 * The LSTM lab's sheet: for every time step and hidden unit, each gate's weighted sum and
 * σ / tanh, then cₜ and hₜ (Keras gate order i, f, c, o in the given weights).
 */
import type { AnswerKeyBlock, AnswerKeyLanguage } from './answer-key';
import type { FormulaLine } from './backprop-formulas';
import { formatNumber } from './format';
import type { LstmLabState } from './lab-file';
import type { LabSheetContent } from './lab-sheet';
import { lstmForward, lstmGates, type LstmWeights } from './lstm';
import { lstmStepFormulas } from './lstm-formulas';

const WORDS = {
  en: {
    inputs: 'Inputs',
    start: 'c0 = h0 = 0; gates i, f, o use σ, the candidate c̃ uses tanh.',
    step: (t: number) => `Time step ${t}`,
  },
  'zh-CN': {
    inputs: '输入',
    start: 'c0 = h0 = 0；门 i、f、o 用 σ，候选值 c̃ 用 tanh。',
    step: (t: number) => `时间步 ${t}`,
  },
} as const;

export function lstmSheet(s: LstmLabState, lang: AnswerKeyLanguage): LabSheetContent {
  const w = WORDS[lang];
  const d = s.decimals;
  const weights = s.gates as LstmWeights;
  const steps = lstmForward(weights, s.xs);
  const m = s.gates.i.b.length;
  const row = (v: readonly number[]) => `(${v.map((x) => formatNumber(x, d)).join(', ')})`;
  const matrix = (M: readonly (readonly number[])[]) => `[${M.map(row).join(', ')}]`;
  const blocks: AnswerKeyBlock[] = steps.map((_, t) => {
    const lines: FormulaLine[] = [];
    for (let j = 0; j < m; j++)
      for (const l of lstmStepFormulas(weights, s.xs, steps, t + 1, j, d)) {
        if (l.sum) lines.push(l.sum);
        lines.push(l.line);
      }
    return { heading: w.step(t + 1), lines };
  });
  return {
    given: [
      `${w.inputs}: ${s.xs.map((x, t) => `x${t + 1} = ${row(x)}`).join(', ')}`,
      ...lstmGates.map(
        (g) =>
          `W_${g} = ${matrix(s.gates[g].W)}, U_${g} = ${matrix(s.gates[g].U)}, b_${g} = ${row(s.gates[g].b)}`,
      ),
      w.start,
    ],
    blocks,
    decimals: d,
  };
}
