/**
 * The answer key of a backprop trace as Markdown or HTML, in zh-CN or en:
 * the problem, every forward and backward line with the numbers substituted,
 * the updated weights, and the slide-notation notes.
 */
import type { BackpropTrace, BackpropLoss } from './backprop';
import {
  dLdOutFormula,
  deltaFormula,
  dOutdInFormula,
  gradientFormula,
  inFormula,
  lossFormula,
  outFormula,
  slideNotes,
  updateFormula,
  type FormulaLine,
  type SlideNote,
} from './backprop-formulas';
import { htmlText } from '../io/escape/html';
import { listParameters } from './dense-net';
import { formatNumber } from './format';

/** Languages an answer key can be written in. */
export type AnswerKeyLanguage = 'zh-CN' | 'en';

interface Words {
  title: string;
  given: string;
  inputs: string;
  targets: string;
  eta: string;
  loss: string;
  lossNames: Record<BackpropLoss, string>;
  forward: string;
  backward: string;
  unitErrors: string;
  gradients: string;
  update: string;
  lossAfter: string;
  decimals: (d: number) => string;
  weights: string;
  note: string;
  notes: Record<SlideNote['code'], (n: SlideNote, d: number) => string>;
}

const WORDS: Record<AnswerKeyLanguage, Words> = {
  en: {
    title: 'Backpropagation — answer key',
    given: 'Given',
    inputs: 'Inputs',
    targets: 'Targets',
    eta: 'Learning rate η',
    loss: 'Loss',
    lossNames: {
      'half-sse': 'L = ½ Σ (ŷ − y)²',
      'mean-sse': 'L = (1/n) Σ (ŷ − y)²',
      sse: 'L = Σ (ŷ − y)²',
      'binary-cross-entropy': 'binary cross-entropy, mean over outputs',
    },
    forward: 'Forward pass',
    backward: 'Backward pass',
    unitErrors: 'Error terms of the units',
    gradients: 'Gradients and updates',
    update: 'Updated weights',
    lossAfter: 'Loss after the update',
    decimals: (d) =>
      `Numbers are rounded to ${d} decimals for display; every step was computed with the exact values.`,
    weights: 'Weights',
    note: 'Note',
    notes: {
      'slide-dl-dyhat': (n) =>
        `The slides write ${n.slideForm}; that is exact only for L = ½Σ(ŷ − y)². With the loss used here it is ${n.exactForm}.`,
      'slide-hidden-sum': (n) =>
        `The slides write (${n.slideForm}); what is meant, and computed here, is ${n.exactForm} — each output unit's error term times the weight from ${n.unit}.`,
      'slide-literal': (n, d) =>
        `Read literally the slide is wrong: its δ7, δ8, … are weight gradients (δ7 = ∂L/∂w7 = δ_o1·Out_h1), so the sum becomes ${n.slideForm}, with Out_${n.unit} where the weights belong. ∂L/∂${n.literal?.weight ?? ''} would be ${formatNumber(n.literal?.slide ?? 0, d)} instead of ${formatNumber(n.literal?.exact ?? 0, d)}.`,
      'slide-factor-hidden': (n) =>
        `The factor ${n.slideForm} of the loss's ∂L/∂ŷ is inside ${n.exactForm}, so it reaches the weights into the hidden units too (w1…w6 in the 3-2-3 net), not only the output weights.`,
      'delta-meanings': (n) =>
        `Two meanings of δ: the slides' ${n.slideForm} is a weight's gradient; this lab's ${n.exactForm} is a unit's error term.`,
    },
  },
  'zh-CN': {
    title: '反向传播 — 参考答案',
    given: '已知',
    inputs: '输入',
    targets: '目标值',
    eta: '学习率 η',
    loss: '损失函数',
    lossNames: {
      'half-sse': 'L = ½ Σ (ŷ − y)²',
      'mean-sse': 'L = (1/n) Σ (ŷ − y)²',
      sse: 'L = Σ (ŷ − y)²',
      'binary-cross-entropy': '二元交叉熵（对输出取平均）',
    },
    forward: '前向传播',
    backward: '反向传播',
    unitErrors: '各单元的误差项',
    gradients: '梯度与更新',
    update: '更新后的权重',
    lossAfter: '更新后的损失',
    decimals: (d) => `数字显示时保留 ${d} 位小数；每一步都用精确值计算。`,
    weights: '权重',
    note: '注意',
    notes: {
      'slide-dl-dyhat': (n) =>
        `课件写作 ${n.slideForm}；这只对 L = ½Σ(ŷ − y)² 精确成立。按此处使用的损失函数应为 ${n.exactForm}。`,
      'slide-hidden-sum': (n) =>
        `课件写作 (${n.slideForm})；实际含义（也是此处的计算）是 ${n.exactForm}，即每个输出单元的误差项乘以从 ${n.unit} 出发的权重。`,
      'slide-literal': (n, d) =>
        `按字面理解课件是错的：课件中的 δ7 是权重的梯度（δ7 = ∂L/∂w7 = δ_o1·Out_h1），于是求和变成 ${n.slideForm}，Out_${n.unit} 占了权重的位置。这样算出的 ∂L/∂${n.literal?.weight ?? ''} = ${formatNumber(n.literal?.slide ?? 0, d)}，而正确值是 ${formatNumber(n.literal?.exact ?? 0, d)}。`,
      'slide-factor-hidden': (n) =>
        `损失函数的 ∂L/∂ŷ 中的系数 ${n.slideForm} 包含在 ${n.exactForm} 中，因此它也作用于进入隐藏单元的权重（3-2-3 网络中的 w1…w6），而不只是输出层权重。`,
      'delta-meanings': (n) =>
        `δ 的两种含义：课件中的 ${n.slideForm} 是某个权重的梯度；本实验中的 ${n.exactForm} 是某个单元的误差项。`,
    },
  },
};

/**
 * A note line. `answer` marks a note that states results (e.g. the updated weights): a
 * worksheet shows a blank in its place.
 */
export interface AnswerKeyNote {
  note: string;
  answer?: boolean;
}

/** One section of an answer key: a heading and its lines or notes. */
export interface AnswerKeyBlock {
  heading: string;
  lines: (FormulaLine | AnswerKeyNote)[];
}

/**
 * `key`: every line with its numbers substituted and its result. `worksheet`: the same page
 * for students, each line as `lhs = symbolic = ____` and answer notes blank.
 */
export type SheetMode = 'key' | 'worksheet';

/** The given facts and the blocks of a backprop key (the worksheet of every lab reuses them). */
export function backpropKeyContent(
  t: BackpropTrace,
  lang: AnswerKeyLanguage,
  d: number,
): { given: string[]; blocks: AnswerKeyBlock[] } {
  const w = WORDS[lang];
  const p = t.problem;
  const given = [
    `${w.inputs}: ${p.inputs.map((v, i) => `x${i + 1} = ${formatNumber(v, d)}`).join(', ')}`,
    `${w.targets}: ${p.targets.map((v, i) => `y${i + 1} = ${formatNumber(v, d)}`).join(', ')}`,
    `${w.weights}: ${listParameters(p.net)
      .map((g) => `${g.name} = ${formatNumber(g.value, d)}`)
      .join(', ')}`,
    `${w.eta} = ${formatNumber(p.eta, d)}`,
    `${w.loss}: ${w.lossNames[p.loss]}`,
  ];
  const forward: AnswerKeyBlock = { heading: w.forward, lines: [] };
  for (const layer of t.forward.slice(1))
    for (const u of layer) forward.lines.push(inFormula(t, u, d), outFormula(t, u, d));
  forward.lines.push(lossFormula(t, d));
  const errors: AnswerKeyBlock = { heading: w.unitErrors, lines: [] };
  for (let l = t.errors.length - 1; l >= 1; l--) {
    for (const e of t.errors[l] ?? [])
      errors.lines.push(dLdOutFormula(t, e, d), dOutdInFormula(t, e, d), deltaFormula(t, e, d));
  }
  const grads: AnswerKeyBlock = { heading: w.gradients, lines: [] };
  const seen = new Set<string>();
  for (const g of t.gradients) {
    grads.lines.push(gradientFormula(t, g, d), updateFormula(t, g, d));
    for (const n of slideNotes(t, g)) {
      const key = `${n.code}:${n.unit}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // The literal-reading note states ∂L/∂w's value: an answer, blank on a worksheet.
      grads.lines.push({
        note: `${w.note}: ${w.notes[n.code](n, d)}`,
        ...(n.code === 'slide-literal' ? { answer: true } : {}),
      });
    }
  }
  const after: AnswerKeyBlock = {
    heading: w.update,
    lines: [
      {
        note: t.gradients.map((g) => `${g.name} = ${formatNumber(g.updated, d)}`).join(', '),
        answer: true,
      },
      { note: `${w.lossAfter}: L = ${formatNumber(t.lossAfter, d)}`, answer: true },
    ],
  };
  return { given, blocks: [forward, errors, grads, after] };
}

/** A formula line as one line of text: `lhs = symbolic = substituted = result`. */
export const lineText = (l: FormulaLine): string =>
  `${l.lhs} = ${l.symbolic} = ${l.substituted} = ${l.result}`;

/** The answer key as Markdown. */
export function answerKeyMarkdown(
  t: BackpropTrace,
  lang: AnswerKeyLanguage,
  decimals: number,
): string {
  const w = WORDS[lang];
  const { given, blocks } = backpropKeyContent(t, lang, decimals);
  const out = [
    `# ${w.title}`,
    '',
    `## ${w.given}`,
    '',
    ...given.map((g) => `- ${g}`),
    '',
    `_${w.decimals(decimals)}_`,
    '',
  ];
  for (const b of blocks) {
    out.push(`## ${b.heading}`, '');
    for (const l of b.lines) out.push('note' in l ? `> ${l.note}` : `- \`${lineText(l)}\``, '');
  }
  return out.join('\n');
}

const esc = htmlText;

/** The answer key as a standalone HTML page (no scripts, no external resources). */
export function answerKeyHtml(t: BackpropTrace, lang: AnswerKeyLanguage, decimals: number): string {
  const w = WORDS[lang];
  const { given, blocks } = backpropKeyContent(t, lang, decimals);
  const body = [
    `<h1>${esc(w.title)}</h1>`,
    `<h2>${esc(w.given)}</h2>`,
    `<ul>${given.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>`,
    `<p><em>${esc(w.decimals(decimals))}</em></p>`,
  ];
  return answerKeyHtmlPage(lang, w.title, body, blocks);
}

const BLANK = '<span class="blank" aria-label="____"></span>';

/** One line of the page: the whole line in a key, the question with a blank in a worksheet. */
function lineHtml(l: FormulaLine | AnswerKeyNote, mode: SheetMode): string {
  if ('note' in l) {
    if (mode === 'worksheet' && l.answer) return `<p class="answer">${BLANK}</p>`;
    return `<p class="note">${esc(l.note)}</p>`;
  }
  if (mode === 'worksheet')
    return `<p class="f"><code>${esc(`${l.lhs} = ${l.symbolic} =`)}</code> ${BLANK}</p>`;
  return `<p class="f"><code>${esc(lineText(l))}</code></p>`;
}

/**
 * Screen and print styles: no app chrome, A4-friendly margins, sections kept whole where
 * they fit, blanks wide enough to write a number with its decimals by hand.
 */
const PAGE_CSS = [
  'body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#000;background:#fff}',
  'code{font-size:0.95rem;white-space:pre-wrap;overflow-wrap:anywhere}',
  '.note{background:#fff7e0;border-left:4px solid #e0a800;padding:0.4rem 0.8rem}',
  '.blank{display:inline-block;min-width:12em;border-bottom:1px solid #000;height:1.1em;vertical-align:bottom}',
  '.answer .blank{min-width:100%;height:2.4em}',
  '.name{margin:1rem 0;display:flex;gap:2rem}',
  '@page{margin:15mm}',
  '@media print{body{max-width:none;margin:0;padding:0;font-size:11pt}h1,h2{break-after:avoid}.f,.note,.answer,li{break-inside:avoid}.note{background:none;border-left:2px solid #000}}',
].join('');

/**
 * A standalone answer-key or worksheet page (no scripts, no external resources): the
 * `intro` HTML (already escaped), then each block's heading, notes and
 * formula lines, escaped here. In `worksheet` mode results are blanks.
 */
export function answerKeyHtmlPage(
  lang: AnswerKeyLanguage,
  title: string,
  intro: readonly string[],
  blocks: readonly AnswerKeyBlock[],
  mode: SheetMode = 'key',
): string {
  const body = [...intro];
  for (const b of blocks) {
    body.push(`<h2>${esc(b.heading)}</h2>`);
    body.push(b.lines.map((l) => lineHtml(l, mode)).join('\n'));
  }
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${PAGE_CSS}</style>
</head><body>
${body.join('\n')}
</body></html>
`;
}
