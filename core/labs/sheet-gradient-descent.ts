/**
 * The gradient-descent lab's sheet: f and its derivative, then each step
 * x ← x − η∇f(x) with the numbers in, as far as the lab had gone (at least five steps).
 */
import { err, ok, type Result } from '../result';
import type { AnswerKeyLanguage } from './answer-key';
import type { FormulaLine } from './backprop-formulas';
import { differentiate, formatExpression, parseExpression } from './expression';
import { formatFactor as ff, formatNumber as fn } from './format';
import { startDescent, stepDescent, surfaceFromFormula } from './gradient-descent';
import type { GradientDescentLabState } from './lab-file';
import type { LabSheetContent, LabSheetError } from './lab-sheet';

const D = 4;
/** Steps on a sheet when the lab had taken fewer: enough to see the trend, short enough to do by hand. */
const MIN_STEPS = 5;
/** Longest sheet: a run of hundreds of steps is not a handout. */
const MAX_STEPS = 30;

const WORDS = {
  en: {
    f: 'Function',
    derivative: 'Derivatives',
    start: 'Start',
    eta: 'Learning rate η',
    steps: 'Steps',
  },
  'zh-CN': {
    f: '函数',
    derivative: '导数',
    start: '起点',
    eta: '学习率 η',
    steps: '迭代过程',
  },
} as const;

export function gradientDescentSheet(
  s: GradientDescentLabState,
  lang: AnswerKeyLanguage,
): Result<LabSheetContent, LabSheetError> {
  const w = WORDS[lang];
  const surface = surfaceFromFormula(s.formula, s.dims);
  if (!surface.ok) return err(surface.error);
  const parsed = parseExpression(s.formula);
  if (!parsed.ok) return err({ code: parsed.error.code, message: parsed.error.message });
  const vars = s.dims === 2 ? (['x', 'y'] as const) : (['x'] as const);
  const derivatives = vars.map(
    (v) => `∂f/∂${v} = ${formatExpression(differentiate(parsed.value, v))}`,
  );
  const count = Math.min(MAX_STEPS, Math.max(MIN_STEPS, s.steps));
  let run = startDescent(surface.value, s.start, s.eta);
  for (let k = 0; k < count; k++) run = stepDescent(run);
  const lines: FormulaLine[] = [];
  run.path.slice(1).forEach((step, i) => {
    const prev = run.path[i];
    if (!prev) return;
    vars.forEach((v, j) =>
      lines.push({
        lhs: `${v}${step.k}`,
        symbolic: `${v}${prev.k} − η·∂f/∂${v}(${vars.map((u) => `${u}${prev.k}`).join(', ')})`,
        substituted: `${fn(prev.point[j] ?? 0, D)} − ${fn(s.eta, D)}·${ff(prev.gradient[j] ?? 0, D)}`,
        result: fn(step.point[j] ?? 0, D),
      }),
    );
    lines.push({
      lhs: `f${step.k}`,
      symbolic: `f(${vars.map((u) => `${u}${step.k}`).join(', ')})`,
      substituted: `f(${step.point.map((x) => fn(x, D)).join(', ')})`,
      result: fn(step.value, D),
    });
  });
  const start = run.path[0];
  return ok({
    given: [
      `${w.f}: f(${vars.join(', ')}) = ${s.formula}`,
      `${w.derivative}: ${derivatives.join('; ')}`,
      `${w.start}: ${vars.map((v, j) => `${v}0 = ${fn(start?.point[j] ?? 0, D)}`).join(', ')}; f0 = ${fn(start?.value ?? 0, D)}`,
      `${w.eta} = ${fn(s.eta, D)}`,
    ],
    blocks: [{ heading: w.steps, lines }],
    decimals: D,
  });
}
