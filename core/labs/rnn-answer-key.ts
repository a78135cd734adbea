/**
 * The answer key of an RNN trace (forward step by step, BPTT, gradients as sums over
 * time, update) as Markdown or HTML, in zh-CN or en. Every value comes from the
 * trace; every text written into the page is escaped for its language.
 */
import { htmlText } from '../io/escape/html';
import { mdText } from '../io/escape/markdown';
import { answerKeyHtmlPage, lineText } from './answer-key';
import type { AnswerKeyBlock, AnswerKeyLanguage } from './answer-key';
import { formatNumber } from './format';
import type { RnnLoss, RnnLossAt, RnnTrace } from './rnn';
import {
  rnnActivationFormula,
  rnnDLdhFormula,
  rnnDeltaFormula,
  rnnGradientFormula,
  rnnStepLossFormula,
  rnnSumFormula,
  rnnTotalLossFormula,
  rnnUpdateFormula,
} from './rnn-formulas';

interface Words {
  title: string;
  given: string;
  inputs: string;
  targets: string;
  activation: (g: string) => string;
  loss: Record<RnnLoss, string>;
  lossAt: Record<RnnLossAt, string>;
  eta: string;
  decimals: (d: number) => string;
  layout: string;
  forward: string;
  step: (t: number) => string;
  lossHeading: string;
  bptt: string;
  bpttNote: string;
  gradients: string;
  after: string;
}

const WORDS: Record<AnswerKeyLanguage, Words> = {
  en: {
    title: 'Recurrent network (SimpleRNN) by hand — answer key',
    given: 'Given',
    inputs: 'Inputs',
    targets: 'Targets',
    activation: (g) => `hₜ = ${g}(W·xₜ + U·hₜ₋₁ + b), h0 = 0`,
    loss: {
      'half-sse': 'per step Lₜ = ½ Σ (hₜ − yₜ)²',
      'mean-sse': 'per step Lₜ = (1/n) Σ (hₜ − yₜ)²',
      sse: 'per step Lₜ = Σ (hₜ − yₜ)²',
    },
    lossAt: { last: 'loss on the last step only', every: 'loss summed over every step' },
    eta: 'Learning rate η',
    decimals: (d) =>
      `Numbers are rounded to ${d} decimals for display; every step was computed with the exact values.`,
    layout:
      'W[j,i] is the weight from input i to hidden unit j and U[j,k] from hidden unit k at t−1 to unit j at t; Keras stores the transposes (kernel = Wᵀ, recurrent_kernel = Uᵀ).',
    forward: 'Forward pass, step by step',
    step: (t) => `Time step ${t}`,
    lossHeading: 'Loss',
    bptt: 'Backpropagation through time',
    bpttNote:
      'From the last step back to the first: ∂L/∂hₜ collects the loss at step t and what hₜ feeds at step t+1 (through U); δₜ = ∂L/∂hₜ · g′(aₜ).',
    gradients: 'Gradients (sums over time steps) and updates',
    after: 'Loss after the update',
  },
  'zh-CN': {
    title: '循环神经网络（SimpleRNN）手算 — 参考答案',
    given: '已知',
    inputs: '输入',
    targets: '目标值',
    activation: (g) => `hₜ = ${g}(W·xₜ + U·hₜ₋₁ + b)，h0 = 0`,
    loss: {
      'half-sse': '每一步 Lₜ = ½ Σ (hₜ − yₜ)²',
      'mean-sse': '每一步 Lₜ = (1/n) Σ (hₜ − yₜ)²',
      sse: '每一步 Lₜ = Σ (hₜ − yₜ)²',
    },
    lossAt: { last: '只在最后一步计算损失', every: '每一步的损失相加' },
    eta: '学习率 η',
    decimals: (d) => `数字显示时保留 ${d} 位小数；每一步都用精确值计算。`,
    layout:
      'W[j,i] 是从输入 i 到隐藏单元 j 的权重，U[j,k] 是从 t−1 时刻的隐藏单元 k 到 t 时刻单元 j 的权重；Keras 存储的是它们的转置（kernel = Wᵀ，recurrent_kernel = Uᵀ）。',
    forward: '前向传播（逐个时间步）',
    step: (t) => `时间步 ${t}`,
    lossHeading: '损失',
    bptt: '随时间反向传播（BPTT）',
    bpttNote:
      '从最后一步往回算到第一步：∂L/∂hₜ 包括第 t 步的损失项和 hₜ 经 U 传给第 t+1 步的部分；δₜ = ∂L/∂hₜ · g′(aₜ)。',
    gradients: '梯度（对所有时间步求和）与更新',
    after: '更新后的损失',
  },
};

type Block = AnswerKeyBlock;

const row = (v: readonly number[], d: number) => `(${v.map((x) => formatNumber(x, d)).join(', ')})`;
const matrix = (M: readonly (readonly number[])[], d: number) =>
  `[${M.map((r) => row(r, d)).join(', ')}]`;

/** The given facts and the blocks of an RNN key (the lab's worksheet reuses them). */
export function rnnKeyContent(tr: RnnTrace, lang: AnswerKeyLanguage, d: number) {
  const w = WORDS[lang];
  const p = tr.problem;
  const T = p.xs.length;
  const targetSteps = p.xs.map((_, t) => t).filter((t) => p.lossAt === 'every' || t === T - 1);
  const given = [
    w.activation(p.activation === 'tanh' ? 'tanh' : 'ReLU'),
    `${w.inputs}: ${p.xs.map((x, t) => `x${t + 1} = ${row(x, d)}`).join(', ')}`,
    `${w.targets}: ${targetSteps.map((t) => `y${t + 1} = ${row(p.ys[t] ?? [], d)}`).join(', ')}`,
    `W = ${matrix(p.W, d)}`,
    `U = ${matrix(p.U, d)}`,
    `b = ${row(p.b, d)}`,
    `${w.loss[p.loss]}; ${w.lossAt[p.lossAt]}`,
    `${w.eta} = ${formatNumber(p.eta, d)}`,
  ];
  const blocks: Block[] = [];
  tr.forward.forEach((units, t) => {
    blocks.push({
      heading: `${w.forward} — ${w.step(t + 1)}`,
      lines: units.flatMap((u) => [rnnSumFormula(u, d), rnnActivationFormula(tr, u, d)]),
    });
  });
  blocks.push({
    heading: w.lossHeading,
    lines: [
      ...targetSteps.map((t) => rnnStepLossFormula(tr, t + 1, d)),
      rnnTotalLossFormula(tr, d),
    ],
  });
  const bptt: Block = { heading: w.bptt, lines: [{ note: w.bpttNote }] };
  for (let t = T - 1; t >= 0; t--)
    for (const e of tr.errors[t] ?? [])
      bptt.lines.push(rnnDLdhFormula(tr, e, d), rnnDeltaFormula(tr, e, d));
  blocks.push(bptt);
  blocks.push({
    heading: w.gradients,
    lines: tr.gradients.flatMap((g) => [rnnGradientFormula(g, d), rnnUpdateFormula(tr, g, d)]),
  });
  blocks.push({
    heading: w.after,
    lines: [
      { note: `L = ${formatNumber(tr.loss, d)} → ${formatNumber(tr.lossAfter, d)}`, answer: true },
    ],
  });
  return { given, blocks };
}

/** The RNN answer key as Markdown (formulas in code spans, other text escaped). */
export function rnnAnswerKeyMarkdown(tr: RnnTrace, lang: AnswerKeyLanguage, d: number): string {
  const w = WORDS[lang];
  const { given, blocks } = rnnKeyContent(tr, lang, d);
  const out = [`# ${mdText(w.title)}`, '', `## ${mdText(w.given)}`, ''];
  out.push(...given.map((g) => `- ${mdText(g)}`), '', `_${mdText(w.decimals(d))}_`, '');
  out.push(`> ${mdText(w.layout)}`, '');
  for (const b of blocks) {
    out.push(`## ${mdText(b.heading)}`, '');
    for (const l of b.lines)
      out.push('note' in l ? `> ${mdText(l.note)}` : `- \`${lineText(l)}\``, '');
  }
  return out.join('\n');
}

/** The RNN answer key as a standalone HTML page (no scripts, no external resources). */
export function rnnAnswerKeyHtml(tr: RnnTrace, lang: AnswerKeyLanguage, d: number): string {
  const w = WORDS[lang];
  const esc = htmlText;
  const { given, blocks } = rnnKeyContent(tr, lang, d);
  const body = [
    `<h1>${esc(w.title)}</h1>`,
    `<h2>${esc(w.given)}</h2>`,
    `<ul>${given.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>`,
    `<p><em>${esc(w.decimals(d))}</em></p>`,
    `<p class="note">${esc(w.layout)}</p>`,
  ];
  return answerKeyHtmlPage(lang, w.title, body, blocks);
}
