import { describe, expect, it } from 'vitest';
import { answerKeyHtml, answerKeyMarkdown } from './answer-key';
import { traceBackprop } from './backprop';
import { COURSE_323_DEFAULTS, courseNet323 } from './dense-net';

const trace = (loss: 'mean-sse' | 'half-sse') =>
  traceBackprop({
    net: courseNet323(COURSE_323_DEFAULTS.weights),
    inputs: COURSE_323_DEFAULTS.inputs,
    targets: COURSE_323_DEFAULTS.targets,
    loss,
    eta: 0.5,
  });

describe('answer key', () => {
  it('writes every weight gradient with the numbers substituted (en, Markdown)', () => {
    const t = trace('mean-sse');
    const md = answerKeyMarkdown(t, 'en', 4);
    expect(md).toContain('# Backpropagation — answer key');
    for (const g of t.gradients) expect(md).toContain(`∂L/∂${g.name} = `);
    const w7 = t.gradients.find((g) => g.name === 'w7')!;
    expect(md).toContain(`= ${w7.gradient.toFixed(4)}\``);
    expect(md).toContain(
      'In_h1 = w1·x1 + w3·x2 + w5·x3 = 0.1000·0.5000 + 0.3000·0.3000 + 0.5000·0.8000 = 0.5400',
    );
    expect(md).toContain('∂L/∂ŷ1 = 2/3·(ŷ1 − y1)');
  });
  it('notes both slide shortcuts for the ⅓ loss, and only the hidden one for ½', () => {
    const third = answerKeyMarkdown(trace('mean-sse'), 'en', 3);
    expect(third).toContain('The slides write ∂L/∂ŷ1 = ŷ1 − y1');
    expect(third).toContain('The slides write (δ7 + δ8 + δ9)');
    expect(third).toContain('δ_o1·w7 + δ_o2·w8 + δ_o3·w9');
    const half = answerKeyMarkdown(trace('half-sse'), 'en', 3);
    expect(half).not.toContain('The slides write ∂L/∂ŷ1');
    expect(half).toContain('The slides write (δ7 + δ8 + δ9)');
  });
  it('writes Chinese headings and escapes HTML', () => {
    const html = answerKeyHtml(trace('mean-sse'), 'zh-CN', 2);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('反向传播 — 参考答案');
    expect(html).toContain('课件写作');
    expect(html).not.toContain('<script');
    expect(html).toContain('∂L/∂w1 = ');
  });
});
