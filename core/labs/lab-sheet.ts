/**
 * Printable answer keys and blank worksheets for every lab, from a lab's saved state, in
 * zh-CN or en. A key and its worksheet are one page drawn twice: every formula line is
 * `lhs = symbolic = substituted = result` in the key and `lhs = symbolic = ____` on the
 * worksheet (answerKeyHtmlPage). All text written into the page is escaped there or here,
 * including what the user typed (numbers, formulas, the word-vectors corpus).
 */
import { htmlText as esc } from '../io/escape/html';
import { ok, type Result } from '../result';
import {
  answerKeyHtmlPage,
  backpropKeyContent,
  type AnswerKeyBlock,
  type AnswerKeyLanguage,
  type SheetMode,
} from './answer-key';
import {
  traceBackprop,
  validateBackpropProblem,
  type BackpropLoss,
  type BackpropProblem,
} from './backprop';
import { isActivationName, type ActivationName } from './activations';
import type { BackpropLabState, LabFile, LabId, RnnLabState } from './lab-file';
import { rnnKeyContent } from './rnn-answer-key';
import {
  traceRnn,
  validateRnnProblem,
  type RnnActivation,
  type RnnLoss,
  type RnnLossAt,
  type RnnProblem,
} from './rnn';
import { ganSheet } from './gan/gan-sheet';
import { convolutionSheet } from './sheet-convolution';
import { gradientDescentSheet } from './sheet-gradient-descent';
import { lstmSheet } from './sheet-lstm';
import { neuronSheet } from './sheet-neuron';
import { wordVectorsSheet } from './sheet-word-vectors';

/** What one lab puts on its sheet; `given` and `notes` are plain text (escaped on the page). */
export interface LabSheetContent {
  readonly given: readonly string[];
  readonly notes?: readonly string[];
  readonly blocks: readonly AnswerKeyBlock[];
  readonly decimals: number | null;
}

/** Why a lab's state gives no sheet (the lab shows the same code as its own error). */
export interface LabSheetError {
  readonly code: string;
  readonly message: string;
  /** Where a typed formula went wrong (0-based), for the formula errors. */
  readonly position?: number;
}

const TITLES: Record<AnswerKeyLanguage, Record<LabId, string>> = {
  en: {
    neuron: 'The neuron, activation functions and softmax',
    'gradient-descent': 'Gradient descent',
    backprop: 'Backpropagation by hand',
    convolution: 'Convolution and pooling',
    rnn: 'Recurrent network (SimpleRNN) by hand',
    lstm: 'LSTM gates by hand',
    'word-vectors': 'Word vectors (skip-gram word2vec)',
    gan: 'Generative adversarial network: one D step and one G step by hand',
  },
  'zh-CN': {
    neuron: '神经元、激活函数与 softmax',
    'gradient-descent': '梯度下降',
    backprop: '手算反向传播',
    convolution: '卷积与池化',
    rnn: '循环神经网络（SimpleRNN）手算',
    lstm: 'LSTM 门控手算',
    'word-vectors': '词向量（skip-gram word2vec）',
    gan: '生成对抗网络：手算一次 D 步和一次 G 步',
  },
};

const WORDS = {
  en: {
    mode: { key: 'answer key', worksheet: 'worksheet' } as Record<SheetMode, string>,
    given: 'Given',
    name: 'Name',
    date: 'Date',
    decimals: (d: number) =>
      `Numbers are rounded to ${d} decimals; every step was computed with the exact values.`,
    worksheetHint: (rounded: boolean) =>
      rounded ? 'Fill in each blank. Round to the decimals given above.' : 'Fill in each blank.',
  },
  'zh-CN': {
    mode: { key: '参考答案', worksheet: '练习单' } as Record<SheetMode, string>,
    given: '已知',
    name: '姓名',
    date: '日期',
    decimals: (d: number) => `数字保留 ${d} 位小数；每一步都用精确值计算。`,
    worksheetHint: (rounded: boolean) =>
      rounded ? '在每个空白处填写答案，按上面的小数位数取整。' : '在每个空白处填写答案。',
  },
} as const;

/** The backprop lab's saved state as a problem for `traceBackprop` (the lab uses the same). */
export function backpropProblemOfState(s: BackpropLabState): BackpropProblem {
  return {
    net: {
      layerSizes: s.layerSizes,
      activations: s.activations.map((a): ActivationName => (isActivationName(a) ? a : 'linear')),
      kernels: s.kernels,
      biases: s.biases,
    },
    inputs: s.inputs,
    targets: s.targets,
    loss: s.loss as BackpropLoss,
    eta: s.eta,
  };
}

/** The RNN lab's saved state as a problem for `traceRnn` (the lab uses the same). */
export function rnnProblemOfState(s: RnnLabState): RnnProblem {
  return {
    W: s.W,
    U: s.U,
    b: s.b,
    activation: s.activation as RnnActivation,
    xs: s.xs,
    ys: s.ys,
    loss: s.loss as RnnLoss,
    lossAt: s.lossAt as RnnLossAt,
    eta: s.eta,
  };
}

/** The content of one lab's sheet, or why its state gives none. */
export function labSheetContent(
  file: LabFile,
  lang: AnswerKeyLanguage,
): Result<LabSheetContent, LabSheetError> {
  switch (file.lab) {
    case 'neuron':
      return ok(neuronSheet(file.state, lang));
    case 'gradient-descent':
      return gradientDescentSheet(file.state, lang);
    case 'convolution':
      return convolutionSheet(file.state, lang);
    case 'lstm':
      return ok(lstmSheet(file.state, lang));
    case 'word-vectors':
      return ok(wordVectorsSheet(file.state, lang));
    case 'gan':
      return ok(ganSheet(file.state, lang));
    case 'backprop': {
      const problem = backpropProblemOfState(file.state);
      const valid = validateBackpropProblem(problem);
      if (!valid.ok) return valid;
      const d = file.state.decimals;
      return ok({ ...backpropKeyContent(traceBackprop(problem), lang, d), decimals: d });
    }
    case 'rnn': {
      const problem = rnnProblemOfState(file.state);
      const valid = validateRnnProblem(problem);
      if (!valid.ok) return valid;
      const d = file.state.decimals;
      return ok({ ...rnnKeyContent(traceRnn(problem), lang, d), decimals: d });
    }
  }
}

/** The lab's answer key or blank worksheet as a standalone, printable HTML page. */
export function labSheetHtml(
  file: LabFile,
  lang: AnswerKeyLanguage,
  mode: SheetMode,
): Result<string, LabSheetError> {
  const content = labSheetContent(file, lang);
  if (!content.ok) return content;
  const w = WORDS[lang];
  const { given, notes = [], blocks, decimals } = content.value;
  const title = `${TITLES[lang][file.lab]} — ${w.mode[mode]}`;
  const intro = [`<h1>${esc(title)}</h1>`];
  if (mode === 'worksheet')
    intro.push(
      `<p class="name"><span>${esc(w.name)}: <span class="blank"></span></span><span>${esc(w.date)}: <span class="blank"></span></span></p>`,
    );
  intro.push(
    `<h2>${esc(w.given)}</h2>`,
    `<ul>${given.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>`,
  );
  if (decimals !== null) intro.push(`<p><em>${esc(w.decimals(decimals))}</em></p>`);
  if (mode === 'worksheet')
    intro.push(`<p><em>${esc(w.worksheetHint(decimals !== null))}</em></p>`);
  for (const n of notes) intro.push(`<p class="note">${esc(n)}</p>`);
  return ok(answerKeyHtmlPage(lang, title, intro, blocks, mode));
}

/** File name of a saved sheet, e.g. `convolution-worksheet.zh-CN.html`. */
export function labSheetFileName(lab: LabId, lang: AnswerKeyLanguage, mode: SheetMode): string {
  return `${lab}-${mode === 'key' ? 'answer-key' : 'worksheet'}.${lang}.html`;
}
