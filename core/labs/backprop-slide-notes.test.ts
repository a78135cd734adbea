import { describe, expect, it } from 'vitest';
import { answerKeyMarkdown } from './answer-key';
import { traceBackprop, type BackpropLoss } from './backprop';
import { slideNotes } from './backprop-formulas';
import { COURSE_323_DEFAULTS, courseNet323 } from './dense-net';
import { formatNumber } from './format';

const trace = (loss: BackpropLoss) =>
  traceBackprop({
    net: courseNet323(COURSE_323_DEFAULTS.weights),
    inputs: COURSE_323_DEFAULTS.inputs,
    targets: COURSE_323_DEFAULTS.targets,
    loss,
    eta: 0.5,
  });

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** ∂L/∂w1 for ½Σ on the default numbers, by hand: exact, and with Out_h1 in place of w7, w8, w9. */
function byHand(): { exact: number; literal: number } {
  const [x1 = 0, x2 = 0, x3 = 0] = COURSE_323_DEFAULTS.inputs;
  const w = (k: number) => COURSE_323_DEFAULTS.weights[k - 1] ?? 0;
  const h1 = sigmoid(w(1) * x1 + w(3) * x2 + w(5) * x3);
  const h2 = sigmoid(w(2) * x1 + w(4) * x2 + w(6) * x3);
  const o = [
    sigmoid(w(7) * h1 + w(10) * h2),
    sigmoid(w(8) * h1 + w(11) * h2),
    sigmoid(w(9) * h1 + w(12) * h2),
  ];
  const y = COURSE_323_DEFAULTS.targets;
  const delta = o.map((oi, i) => (oi - (y[i] ?? 0)) * oi * (1 - oi));
  const [d1 = 0, d2 = 0, d3 = 0] = delta;
  const exactSum = d1 * w(7) + d2 * w(8) + d3 * w(9);
  const literalSum = (d1 + d2 + d3) * h1;
  return { exact: exactSum * h1 * (1 - h1) * x1, literal: literalSum * h1 * (1 - h1) * x1 };
}

describe("the note on the slide's hidden-weight shortcut", () => {
  it('shows that the literal reading gives ∂L/∂w1 = 0.0160 instead of 0.0223 (½Σ, default numbers)', () => {
    const t = trace('half-sse');
    const w1 = t.gradients.find((g) => g.name === 'w1')!;
    const literal = slideNotes(t, w1).find((n) => n.code === 'slide-literal');
    const hand = byHand();
    expect(literal?.literal?.weight).toBe('w1');
    expect(literal?.literal?.slide).toBeCloseTo(hand.literal, 14);
    expect(literal?.literal?.exact).toBeCloseTo(hand.exact, 14);
    expect(formatNumber(literal?.literal?.slide ?? 0, 4)).toBe('0.0160');
    expect(formatNumber(literal?.literal?.exact ?? 0, 4)).toBe('0.0223');
    expect(literal?.slideForm).toBe('δ_o1·Out_h1 + δ_o2·Out_h1 + δ_o3·Out_h1');
    expect(answerKeyMarkdown(t, 'en', 4)).toContain('∂L/∂w1 would be 0.0160 instead of 0.0223');
    expect(answerKeyMarkdown(t, 'zh-CN', 4)).toContain('∂L/∂w1 = 0.0160，而正确值是 0.0223');
  });

  it('says the ⅔ factor of the ⅓-mean loss reaches w1…w6, and not for ½Σ', () => {
    const third = trace('mean-sse');
    for (const name of ['w1', 'w2', 'w3', 'w4', 'w5', 'w6']) {
      const g = third.gradients.find((x) => x.name === name)!;
      const note = slideNotes(third, g).find((n) => n.code === 'slide-factor-hidden');
      expect(note?.slideForm).toBe('2/3');
    }
    const half = trace('half-sse');
    const w1 = half.gradients.find((x) => x.name === 'w1')!;
    expect(slideNotes(half, w1).map((n) => n.code)).not.toContain('slide-factor-hidden');
    expect(answerKeyMarkdown(third, 'en', 4)).toContain(
      "The factor 2/3 of the loss's ∂L/∂ŷ is inside δ_o1, δ_o2, δ_o3",
    );
  });

  it('names both meanings of δ on the output-weight step: δ7 = ∂L/∂w7 and δ_o1 = ∂L/∂In_o1', () => {
    const t = trace('half-sse');
    const w7 = t.gradients.find((g) => g.name === 'w7')!;
    const note = slideNotes(t, w7).find((n) => n.code === 'delta-meanings');
    expect(note?.slideForm).toBe('δ7 = ∂L/∂w7 = δ_o1·Out_h1');
    expect(note?.exactForm).toBe('δ_o1 = ∂L/∂In_o1 = ∂L/∂ŷ1·∂ŷ1/∂In_o1');
    // and the slide's δ7 is indeed ∂L/∂w7 = δ_o1·Out_h1 in the trace's numbers
    const o1 = t.errors[2]?.[0];
    expect(w7.gradient).toBeCloseTo((o1?.delta ?? 0) * (t.forward[1]?.[0]?.Out ?? 0), 15);
  });
});
