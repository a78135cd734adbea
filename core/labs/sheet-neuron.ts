/**
 * The neuron lab's sheet: In = Σ wᵢaᵢ + b, Out = g(In), g′(In); softmax of the logits
 * and its Jacobian ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ).
 */
import { activations, isActivationName, neuron, softmax, softmaxJacobian } from './activations';
import type { AnswerKeyBlock, AnswerKeyLanguage } from './answer-key';
import type { FormulaLine } from './backprop-formulas';
import { formatFactor as ff, formatNumber as fn } from './format';
import type { LabSheetContent } from './lab-sheet';
import type { NeuronLabState } from './lab-file';

const D = 4;

const WORDS = {
  en: {
    inputs: 'Inputs',
    weights: 'Weights',
    bias: 'Bias',
    activation: 'Activation',
    logits: 'Logits',
    neuron: 'One neuron',
    softmax: 'Softmax',
    jacobian: 'Jacobian of softmax: ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ)',
  },
  'zh-CN': {
    inputs: '输入',
    weights: '权重',
    bias: '偏置',
    activation: '激活函数',
    logits: 'logit',
    neuron: '单个神经元',
    softmax: 'Softmax',
    jacobian: 'softmax 的雅可比矩阵：∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ)',
  },
} as const;

export function neuronSheet(s: NeuronLabState, lang: AnswerKeyLanguage): LabSheetContent {
  const w = WORDS[lang];
  const g = isActivationName(s.activation) ? s.activation : 'sigmoid';
  const act = activations[g];
  const n = Math.min(s.inputs.length, s.weights.length);
  const r = neuron(s.inputs, s.weights, s.bias, g);
  const idx = Array.from({ length: n }, (_, i) => i);
  const unit: FormulaLine[] = [
    {
      lhs: 'In',
      symbolic: [...idx.map((i) => `w${i + 1}·a${i + 1}`), 'b'].join(' + '),
      substituted: [
        ...idx.map((i) => `${ff(s.weights[i] ?? 0, D)}·${ff(s.inputs[i] ?? 0, D)}`),
        ff(s.bias, D),
      ].join(' + '),
      result: fn(r.In, D),
    },
    { lhs: 'Out', symbolic: `${g}(In)`, substituted: `${g}(${fn(r.In, D)})`, result: fn(r.Out, D) },
    {
      lhs: `g′(In)`,
      symbolic: act.derivativeFormula.replace(/^g′\(x\) = /, '').replace(/x/g, 'In'),
      substituted: `In = ${fn(r.In, D)}`,
      result: fn(r.slope, D),
    },
  ];
  const z = s.logits;
  const p = softmax(z);
  const m = Math.max(...z);
  const sum = z.reduce((a, v) => a + Math.exp(v - m), 0) * Math.exp(m);
  const zs = z.map((_, i) => i + 1);
  const soft: FormulaLine[] = [
    {
      lhs: 'Σⱼ e^zⱼ',
      symbolic: zs.map((i) => `e^z${i}`).join(' + '),
      substituted: z.map((v) => `e^${ff(v, D)}`).join(' + '),
      result: fn(sum, D),
    },
    ...p.map((pi, i) => ({
      lhs: `p${i + 1}`,
      symbolic: `e^z${i + 1} / Σⱼ e^zⱼ`,
      substituted: `e^${ff(z[i] ?? 0, D)} / ${fn(sum, D)}`,
      result: fn(pi, D),
    })),
  ];
  const J = softmaxJacobian(z);
  const jac: FormulaLine[] = J.flatMap((row, i) =>
    row.map((v, j) => ({
      lhs: `∂p${i + 1}/∂z${j + 1}`,
      symbolic: i === j ? `p${i + 1}(1 − p${j + 1})` : `−p${i + 1}·p${j + 1}`,
      substituted:
        i === j
          ? `${fn(p[i] ?? 0, D)}·(1 − ${fn(p[j] ?? 0, D)})`
          : `−${fn(p[i] ?? 0, D)}·${fn(p[j] ?? 0, D)}`,
      result: fn(v, D),
    })),
  );
  const blocks: AnswerKeyBlock[] = [
    { heading: w.neuron, lines: unit },
    { heading: w.softmax, lines: soft },
    { heading: w.jacobian, lines: jac },
  ];
  return {
    given: [
      `${w.inputs}: ${idx.map((i) => `a${i + 1} = ${fn(s.inputs[i] ?? 0, D)}`).join(', ')}`,
      `${w.weights}: ${idx.map((i) => `w${i + 1} = ${fn(s.weights[i] ?? 0, D)}`).join(', ')}`,
      `${w.bias}: b = ${fn(s.bias, D)}`,
      `${w.activation}: ${act.formula}`,
      `${w.logits}: ${z.map((v, i) => `z${i + 1} = ${fn(v, D)}`).join(', ')}`,
    ],
    blocks,
    decimals: D,
  };
}
