import { describe, expect, it } from 'vitest';
import { traceRnn, type RnnProblem } from './rnn';
import { rnnAnswerKeyHtml, rnnAnswerKeyMarkdown } from './rnn-answer-key';

/** One input, one unit, two steps: small enough to check by hand below. */
const tiny: RnnProblem = {
  W: [[0.5]],
  U: [[-1]],
  b: [0.1],
  activation: 'tanh',
  xs: [[1], [2]],
  ys: [[0], [0.5]],
  loss: 'half-sse',
  lossAt: 'last',
  eta: 0.1,
};

describe('RNN answer key', () => {
  it('writes every product, BPTT line and per-step gradient sum (en, Markdown)', () => {
    const tr = traceRnn(tiny);
    // By hand: h1 = tanh(0.5·1 + 0.1), h2 = tanh(0.5·2 − h1 + 0.1), L = ½(h2 − 0.5)².
    const h1 = Math.tanh(0.6);
    const h2 = Math.tanh(1.1 - h1);
    const d2 = (h2 - 0.5) * (1 - h2 * h2);
    const d1 = d2 * -1 * (1 - h1 * h1);
    const dW = d1 * 1 + d2 * 2;
    expect(tr.gradients.find((g) => g.name === 'W[1,1]')?.gradient).toBeCloseTo(dW, 14);
    const md = rnnAnswerKeyMarkdown(tr, 'en', 4);
    expect(md).toContain('# Recurrent network \\(SimpleRNN\\) by hand — answer key');
    expect(md).toContain(
      `a2[1] = W[1,1]·x2[1] + U[1,1]·h1[1] + b[1] = 0.5000·2.0000 + (-1.0000)·${h1.toFixed(4)} + 0.1000 = ${(1.1 - h1).toFixed(4)}`,
    );
    expect(md).toContain(`∂L/∂h1[1] = δ2[1]·U[1,1] = `);
    expect(md).toContain(
      `∂L/∂W[1,1] = δ1[1]·x1[1] + δ2[1]·x2[1] = ${d1 < 0 ? `(${d1.toFixed(4)})` : d1.toFixed(4)}·1.0000 + ${d2 < 0 ? `(${d2.toFixed(4)})` : d2.toFixed(4)}·2.0000 = ${dW.toFixed(4)}`,
    );
    expect(md).toContain('∂L/∂b[1] = δ1[1] + δ2[1]');
  });
  it('writes Chinese headings, escapes HTML and lists only the used targets', () => {
    const html = rnnAnswerKeyHtml(traceRnn(tiny), 'zh-CN', 3);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('随时间反向传播（BPTT）');
    expect(html).toContain('y2 = (0.500)');
    expect(html).not.toContain('y1 = ');
    expect(html).not.toContain('<script');
    const every = rnnAnswerKeyMarkdown(traceRnn({ ...tiny, lossAt: 'every' }), 'zh-CN', 3);
    expect(every).toContain('`L = L1 + L2 = ');
  });
});
