import { describe, expect, it } from 'vitest';
import { neuron, softmaxJacobian } from './activations';
import { traceBackprop } from './backprop';
import { conv2d } from './convolution';
import { convExamples, findKernelPreset } from './convolution-presets';
import { COURSE_323_DEFAULTS, courseNet323 } from './dense-net';
import { formatNumber } from './format';
import { GAN_EXAMPLE, ganLabStateOf, ganProblemOfState, traceGan } from './gan';
import type { AnswerKeyLanguage, SheetMode } from './answer-key';
import type { LabFile } from './lab-file';
import { labSheetHtml } from './lab-sheet';
import { lstmForward, type LstmWeights } from './lstm';
import { traceRnn } from './rnn';
import { cosine, trainWord2Vec } from './word2vec';

const net = courseNet323(COURSE_323_DEFAULTS.weights);
const deck = convExamples[0]!;
const lstmGates = {
  i: { W: [[0.5, -0.2]], U: [[0.3]], b: [0] },
  f: { W: [[0.1, 0.4]], U: [[-0.2]], b: [1] },
  c: { W: [[0.7, 0.6]], U: [[0.5]], b: [0] },
  o: { W: [[-0.3, 0.8]], U: [[0.2]], b: [0.1] },
} satisfies LstmWeights;
const seq = [
  [1, 0],
  [0.5, -1],
  [0, 1],
];
const rnnState = {
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
  xs: seq,
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
const ganState = ganLabStateOf(GAN_EXAMPLE, 4, 2);
const corpus = 'the cat drinks milk . the dog drinks water . the cat eats fish . the dog eats meat';
const w2vState = { corpus, window: 2, dimension: 3, eta: 0.1, seed: 4, epochs: 20, selected: 1 };

/** Every lab in a typical state, and one answer each that core computes independently of the sheet. */
const cases: { file: LabFile; answers: string[] }[] = [
  {
    file: {
      lab: 'neuron',
      state: {
        inputs: [1, 0.5, -1],
        weights: [0.8, -0.6, 0.2],
        bias: 0.1,
        activation: 'sigmoid',
        logits: [4, 1, -4],
      },
    },
    answers: [
      `= ${formatNumber(neuron([1, 0.5, -1], [0.8, -0.6, 0.2], 0.1, 'sigmoid').Out, 4)}`,
      `= ${formatNumber(softmaxJacobian([4, 1, -4])[0]![1]!, 4)}`,
    ],
  },
  {
    file: {
      lab: 'gradient-descent',
      state: { presetId: null, formula: 'x^2', dims: 1, start: [4], eta: 0.1, steps: 0 },
    },
    // x1 = 4 − 0.1·2·4 = 3.2; x5 = 4·0.8⁵
    answers: ['= 3.2000', `= ${formatNumber(4 * 0.8 ** 5, 4)}`],
  },
  {
    file: {
      lab: 'backprop',
      state: {
        layerSizes: [3, 2, 3],
        activations: ['sigmoid', 'sigmoid'],
        kernels: net.kernels.map((k) => k.map((r) => [...r])),
        biases: [null, null],
        inputs: [...COURSE_323_DEFAULTS.inputs],
        targets: [...COURSE_323_DEFAULTS.targets],
        loss: 'mean-sse',
        eta: 0.5,
        decimals: 4,
        step: 0,
      },
    },
    answers: (() => {
      const t = traceBackprop({
        net,
        inputs: COURSE_323_DEFAULTS.inputs,
        targets: COURSE_323_DEFAULTS.targets,
        loss: 'mean-sse',
        eta: 0.5,
      });
      return ['w1', 'w7'].map(
        (n) => `= ${formatNumber(t.gradients.find((g) => g.name === n)!.gradient, 4)}`,
      );
    })(),
  },
  {
    file: {
      lab: 'convolution',
      state: {
        input: deck.input.map((r) => [...r]),
        kernel: findKernelPreset(deck.kernelId)!.kernel.map((r) => [...r]),
        kernelId: deck.kernelId,
        stride: 1,
        padding: 'valid',
        dilation: 1,
        pool: { kind: 'max', size: 2, stride: 2 },
        selected: null,
      },
    },
    answers: (() => {
      const r = conv2d(deck.input, findKernelPreset(deck.kernelId)!.kernel, {
        stride: 1,
        padding: 'valid',
        dilation: 1,
      });
      if (!r.ok) throw new Error('conv');
      return [
        `out(1,1) = a·w1 + b·w2 + c·w3 + f·w4 + g·w5 + h·w6 + k·w7 + l·w8 + m·w9 = 1·1 + 1·0 + 1·1 + 0·0 + 1·1 + 1·0 + 0·1 + 0·0 + 1·1 = ${r.value.output[0]![0]}`,
        `out(2,1)`,
        'pool(1,1) = max(out(1,1), out(1,2), out(2,1), out(2,2)) = max(4, 3, 2, 4) = 4',
      ];
    })(),
  },
  {
    file: { lab: 'rnn', state: rnnState },
    answers: (() => {
      const t = traceRnn({ ...rnnState, activation: 'tanh', loss: 'half-sse', lossAt: 'last' });
      return [`= ${formatNumber(t.forward[2]![0]!.h, 4)}`, `→ ${formatNumber(t.lossAfter, 4)}`];
    })(),
  },
  {
    file: { lab: 'lstm', state: { gates: lstmGates, xs: seq, decimals: 4, selectedStep: 1 } },
    answers: lstmForward(lstmGates, seq).map((s) => `= ${formatNumber(s.h[0]!, 4)}`),
  },
  {
    file: { lab: 'gan', state: ganState },
    answers: (() => {
      const t = traceGan(ganProblemOfState(ganState));
      return [
        `∂V/∂w1 = (1/2)[δ(x1)·x1[1] + δ(x2)·x2[1]]`,
        `= ${formatNumber(t.dStep.dw[0], 4)}`,
        `= ${formatNumber(t.gStep.lossAfter, 4)}`,
      ];
    })(),
  },
  {
    file: { lab: 'word-vectors', state: w2vState },
    answers: (() => {
      const { model } = trainWord2Vec(w2vState, w2vState.epochs);
      return [`cos(cat, dog)`, `= ${formatNumber(cosine(model.W[1]!, model.W[5]!), 4)}`];
    })(),
  },
];

const sheet = (file: LabFile, lang: AnswerKeyLanguage, mode: SheetMode): string => {
  const r = labSheetHtml(file, lang, mode);
  if (!r.ok) throw new Error(`${file.lab}: ${r.error.code}`);
  return r.value;
};

const lines = (html: string) =>
  [...html.matchAll(/<p class="f">(.*?)<\/p>/g)].map((m) => m[1] ?? '');

describe('answer keys and worksheets for every lab', () => {
  for (const { file, answers } of cases) {
    it(`${file.lab}: the key contains its computed answers, in both languages`, () => {
      for (const lang of ['en', 'zh-CN'] as const) {
        const key = sheet(file, lang, 'key');
        expect(key).toContain(`<html lang="${lang}">`);
        expect(key).toContain('@media print');
        for (const a of answers) expect(key).toContain(a);
      }
      expect(sheet(file, 'zh-CN', 'key')).toContain('参考答案');
      expect(sheet(file, 'en', 'key')).toContain('answer key');
    });

    it(`${file.lab}: the worksheet has a blank wherever the key has an answer`, () => {
      const key = sheet(file, 'en', 'key');
      const ws = sheet(file, 'en', 'worksheet');
      expect(ws).toContain('worksheet');
      const keyLines = lines(key);
      const wsLines = lines(ws);
      expect(keyLines.length).toBeGreaterThan(0);
      expect(wsLines.length).toBe(keyLines.length);
      for (const l of wsLines) expect(l).toMatch(/ =<\/code> <span class="blank"/);
      // The answer lines are there with their question, never with their result.
      for (const a of answers.filter((x) => x.startsWith('= ') || x.startsWith('→ ')))
        expect(ws).not.toContain(a);
      // Notes that state results (updated weights, nearest words…) become blanks too.
      const count = (html: string, cls: string) => html.split(`<p class="${cls}">`).length - 1;
      expect(count(ws, 'note') + count(ws, 'answer')).toBe(count(key, 'note'));
    });
  }

  it('escapes what the user typed: a hostile corpus never becomes markup', () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(2)> "a" & b </title>';
    for (const mode of ['key', 'worksheet'] as const) {
      const html = sheet(
        { lab: 'word-vectors', state: { ...w2vState, corpus: hostile, selected: 0 } },
        'en',
        mode,
      );
      expect(html).not.toMatch(/<script|<img|<\/title>[^<]*<\/title>/i);
      expect(html).toContain('&lt;script&gt;alert');
      expect(html).toContain('&lt;img src=x onerror=alert');
      expect(html).toContain('&amp;');
      expect(html.match(/<\/title>/g)?.length).toBe(1);
    }
  });

  it('refuses a formula that does not parse, with the lab’s own error code', () => {
    const r = labSheetHtml(
      {
        lab: 'gradient-descent',
        state: { presetId: null, formula: 'x^2 <b>', dims: 1, start: [1], eta: 0.1, steps: 0 },
      },
      'en',
      'key',
    );
    expect(r.ok ? 'ok' : r.error.code).toBe('expr-bad-character');
  });
});
