import { describe, expect, it } from 'vitest';
import {
  classifyStepSize,
  gdPresets,
  largestCurvature,
  runDescent,
  startDescent,
  stepDescent,
  surfaceFromFormula,
  type LossSurface,
} from './gradient-descent';

function surface(formula: string, dims?: 1 | 2): LossSurface {
  const r = surfaceFromFormula(formula, dims);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('surfaceFromFormula', () => {
  it('picks 1-D or 2-D from the variables used', () => {
    expect(surface('x^2').dims).toBe(1);
    expect(surface('x^2 + y').dims).toBe(2);
    expect(surface('x^2', 2).dims).toBe(2);
  });
  it('refuses y in a 1-D curve and passes parse errors on', () => {
    const r = surfaceFromFormula('x + y', 1);
    expect(r.ok ? null : r.error.code).toBe('gd-uses-y-in-1d');
    const bad = surfaceFromFormula('x +* 2');
    expect(bad.ok ? null : bad.error.code).toBe('expr-expected-operand');
  });
  it('gives exact gradient and Hessian', () => {
    const s = surface('x^2 + 10*y^2 + x*y');
    expect(s.gradient([1, 2])).toEqual([2 + 2, 40 + 1]);
    expect(s.hessian([1, 2])).toEqual([
      [2, 1],
      [1, 20],
    ]);
    expect(largestCurvature(s, [0, 0])).toBeCloseTo(11 + Math.sqrt(81 + 1), 12);
  });
});

describe('gradient descent', () => {
  it('takes the step x ← x − η f′(x) by hand on x²', () => {
    const s = surface('x^2');
    const r = stepDescent(stepDescent(startDescent(s, [4], 0.1)));
    expect(r.path.map((p) => p.point[0])).toEqual([4, 4 - 0.1 * 8, 3.2 - 0.1 * 6.4]);
    expect(r.path[1]!.stepLength).toBeCloseTo(0.8, 12);
  });
  it('is pure: stepping does not change the earlier run', () => {
    const start = startDescent(surface('x^2'), [4], 0.1);
    stepDescent(start);
    expect(start.path).toHaveLength(1);
    expect(start.status).toBe('ready');
  });
  for (const preset of gdPresets) {
    it(`${preset.id}: converges with η = ${preset.eta}`, () => {
      const r = runDescent(
        startDescent(surface(preset.formula, preset.dims), preset.start, preset.eta),
        5000,
      );
      expect(r.status).toBe('converged');
      expect(r.path[r.path.length - 1]!.value).toBeLessThan(r.path[0]!.value);
    });
    it(`${preset.id}: diverges with η = ${preset.largeEta} and says why`, () => {
      const r = runDescent(
        startDescent(surface(preset.formula, preset.dims), preset.start, preset.largeEta),
        5000,
      );
      expect(r.status).toBe('diverged');
      expect(r.divergence).not.toBeNull();
    });
  }
  it('blames η·f″ > 2 on a quadratic, with the limit 2/f″', () => {
    const r = runDescent(startDescent(surface('(x-3)^2 + 1'), [-1], 1.05));
    expect(r.status).toBe('diverged');
    expect(r.divergence).toEqual({
      code: 'gd-eta-too-large',
      eta: 1.05,
      curvature: 2,
      etaLimit: 1,
    });
  });
  it('converges on a quadratic right below the limit and zigzags above η·f″ = 1', () => {
    const s = surface('x^2');
    expect(classifyStepSize(s, [4], 0.4).verdict).toBe('smooth');
    expect(classifyStepSize(s, [4], 0.9).verdict).toBe('zigzag');
    expect(classifyStepSize(s, [4], 1.01).verdict).toBe('diverges');
    const r = runDescent(startDescent(s, [4], 0.99), 100_000);
    expect(r.status).toBe('converged');
    const signs = r.path.slice(0, 4).map((p) => Math.sign(p.point[0]!));
    expect(signs).toEqual([1, -1, 1, -1]);
  });
  it('uses the largest curvature in 2-D: x² + 10y² diverges once η > 0.1', () => {
    const s = surface('x^2 + 10*y^2');
    expect(runDescent(startDescent(s, [4, 1.5], 0.099), 20_000).status).toBe('converged');
    const r = runDescent(startDescent(s, [4, 1.5], 0.101), 20_000);
    expect(r.status).toBe('diverged');
    expect(r.divergence?.etaLimit).toBeCloseTo(0.1, 12);
  });
  it('reports non-finite values (log of a negative) as divergence', () => {
    const r = runDescent(startDescent(surface('log(x)'), [1], 5));
    expect(r.status).toBe('diverged');
    expect(r.divergence?.code).toBe('gd-non-finite');
  });
  it('stops at max-steps when neither converged nor diverged', () => {
    const r = runDescent(startDescent(surface('x^2'), [4], 0.0001), 10);
    expect(r.status).toBe('max-steps');
    expect(r.path).toHaveLength(11);
    expect(stepDescent(r)).toBe(r);
  });
  it('pads or trims the start point to the surface dimension', () => {
    expect(startDescent(surface('x^2 + y^2'), [1], 0.1).path[0]!.point).toEqual([1, 0]);
    expect(startDescent(surface('x^2'), [1, 5], 0.1).path[0]!.point).toEqual([1]);
  });
});
