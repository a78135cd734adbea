import { describe, expect, it } from 'vitest';
import {
  GAN_CONFIDENT_DISCRIMINATOR,
  GAN_EXAMPLE,
  ganForward,
  traceGan,
  type GanDiscriminator,
  type GanGenerator,
  type GanProblem,
} from './gan';
import { ganFormulas } from './gan-formulas';

/** Central finite difference of f at v along one coordinate. */
const fd = (f: (h: number) => number, h = 1e-5) => (f(h) - f(-h)) / (2 * h);
const close = (a: number, b: number, rel = 1e-6) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)));

const withD = (p: GanProblem, edit: (d: { w: number[]; b: number }) => void): GanDiscriminator => {
  const d = { w: [...p.discriminator.w], b: p.discriminator.b };
  edit(d);
  return { w: [d.w[0]!, d.w[1]!], b: d.b };
};
const withG = (g: GanGenerator, edit: (g: { a: number[]; c: number[] }) => void): GanGenerator => {
  const x = { a: [...g.a], c: [...g.c] };
  edit(x);
  return { a: [x.a[0]!, x.a[1]!], c: [x.c[0]!, x.c[1]!] };
};

/** A second problem where D rejects the fakes confidently (D(G(z)) below 0.02). */
const confident: GanProblem = {
  ...GAN_EXAMPLE,
  discriminator: GAN_CONFIDENT_DISCRIMINATOR,
  generatorLoss: 'saturating',
};

describe('GAN lab: one D step and one G step by hand', () => {
  for (const [name, p] of [
    ['example', GAN_EXAMPLE],
    ['confident D, saturating loss', confident],
  ] as const) {
    it(`${name}: ∂V/∂(w, b) equal finite differences of V`, () => {
      const t = traceGan(p);
      const V = (d: GanDiscriminator) => ganForward({ ...p, discriminator: d }).V;
      close(
        t.dStep.dw[0],
        fd((h) => V(withD(p, (d) => (d.w[0]! += h)))),
      );
      close(
        t.dStep.dw[1],
        fd((h) => V(withD(p, (d) => (d.w[1]! += h)))),
      );
      close(
        t.dStep.db,
        fd((h) => V(withD(p, (d) => (d.b += h)))),
      );
    });

    it(`${name}: ∂L_G/∂(a, c) equal finite differences of both generator losses`, () => {
      const t = traceGan(p);
      const D1 = t.dStep.after;
      for (const [loss, grads] of [
        ['non-saturating', t.gStep.nonSaturating],
        ['saturating', t.gStep.saturating],
      ] as const) {
        const L = (g: GanGenerator) => {
          const f = ganForward({ ...p, discriminator: D1, generator: g });
          return loss === 'non-saturating' ? f.lossGNonSaturating : f.lossGSaturating;
        };
        for (const k of [0, 1]) {
          close(
            grads.da[k]!,
            fd((h) => L(withG(p.generator, (g) => (g.a[k]! += h)))),
          );
          close(
            grads.dc[k]!,
            fd((h) => L(withG(p.generator, (g) => (g.c[k]! += h)))),
          );
        }
      }
    });

    it(`${name}: D's loss goes down after the D step, G's after the G step`, () => {
      const t = traceGan(p);
      expect(t.dStep.forwardAfter.lossD).toBeLessThan(t.forward.lossD);
      expect(t.gStep.lossAfter).toBeLessThan(t.gStep.lossBefore);
    });
  }

  it('matches a hand calculation of the example numbers', () => {
    // Written out scalar by scalar, independently of gan.ts.
    const sg = (s: number) => 1 / (1 + Math.exp(-s));
    const [x1, x2] = [
      [1.8, 0.4],
      [0.3, 2.1],
    ];
    const [z1, z2] = [-1, 0.5];
    const G1 = [0.5 * z1 + -0.5, -0.3 * z1 + 0.2];
    const G2 = [0.5 * z2 + -0.5, -0.3 * z2 + 0.2];
    const Dx1 = sg(0.6 * x1![0]! + 0.4 * x1![1]! - 0.5);
    const Dx2 = sg(0.6 * x2![0]! + 0.4 * x2![1]! - 0.5);
    const DG1 = sg(0.6 * G1[0]! + 0.4 * G1[1]! - 0.5);
    const DG2 = sg(0.6 * G2[0]! + 0.4 * G2[1]! - 0.5);
    const V = 0.5 * (Math.log(Dx1) + Math.log(Dx2)) + 0.5 * (Math.log(1 - DG1) + Math.log(1 - DG2));
    const dw1 = 0.5 * ((1 - Dx1) * 1.8 + (1 - Dx2) * 0.3) + 0.5 * (-DG1 * G1[0]! - DG2 * G2[0]!);
    const dw2 = 0.5 * ((1 - Dx1) * 0.4 + (1 - Dx2) * 2.1) + 0.5 * (-DG1 * G1[1]! - DG2 * G2[1]!);
    const db = 0.5 * (1 - Dx1 + 1 - Dx2) + 0.5 * (-DG1 - DG2);
    const w1 = 0.6 + 0.5 * dw1;
    const w2 = 0.4 + 0.5 * dw2;
    const b = -0.5 + 0.5 * db;
    const E1 = sg(w1 * G1[0]! + w2 * G1[1]! + b);
    const E2 = sg(w1 * G2[0]! + w2 * G2[1]! + b);
    // Non-saturating: L = −½(log E1 + log E2); ∂L/∂G(zj) = −½(1 − Ej)·w′.
    const da1 = -0.5 * (1 - E1) * w1 * z1 - 0.5 * (1 - E2) * w1 * z2;
    const dc2 = -0.5 * (1 - E1) * w2 - 0.5 * (1 - E2) * w2;

    const t = traceGan(GAN_EXAMPLE);
    close(t.forward.fake[0]!.x[0], G1[0]!, 1e-12);
    close(t.forward.real[1]!.D, Dx2, 1e-12);
    close(t.forward.fake[1]!.D, DG2, 1e-12);
    close(t.forward.V, V, 1e-12);
    close(t.dStep.dw[0], dw1, 1e-12);
    close(t.dStep.dw[1], dw2, 1e-12);
    close(t.dStep.db, db, 1e-12);
    close(t.dStep.after.b, b, 1e-12);
    close(t.gStep.applied.da[0], da1, 1e-12);
    close(t.gStep.applied.dc[1], dc2, 1e-12);
    close(t.gStep.after.a[0], 0.5 - 0.5 * da1, 1e-12);
  });

  it('the saturating gradient vanishes when D rejects the fakes confidently; the non-saturating one does not', () => {
    const t = traceGan(confident);
    for (const f of t.dStep.forwardAfter.fake) expect(f.D).toBeLessThan(0.02);
    const size = (g: { da: readonly number[]; dc: readonly number[] }) =>
      Math.hypot(...g.da, ...g.dc);
    expect(size(t.gStep.saturating)).toBeLessThan(size(t.gStep.nonSaturating) / 40);
  });

  it('writes every step with its numbers, the result being the exact value rounded', () => {
    const p = GAN_EXAMPLE;
    const t = traceGan(p);
    const f = ganFormulas(p, t, 4);
    const line = (id: string) =>
      [...f.forward, ...f.dStep, ...f.gStep, ...f.compare].find((l) => l.id === id)!;
    expect(line('g-1').line.substituted).toBe(
      '(0.5000·(-1.0000) + (-0.5000), (-0.3000)·(-1.0000) + 0.2000)',
    );
    expect(line('g-1').line.result).toBe('(-1.0000, 0.5000)');
    expect(line('dV-dw1').line.symbolic).toBe(
      '(1/2)[δ(x1)·x1[1] + δ(x2)·x2[1]] + (1/2)[δ(G(z1))·G(z1)[1] + δ(G(z2))·G(z2)[1]]',
    );
    expect(line('dV-dw1').value).toBe(t.dStep.dw[0]);
    expect(line('dV-dw1').line.result).toBe(t.dStep.dw[0].toFixed(4));
    expect(line('new-b').line.symbolic).toBe('b + η_D·∂V/∂b');
    expect(line('dL-da1').value).toBe(t.gStep.applied.da[0]);
    expect(line('LG-after').value).toBe(t.gStep.lossAfter);
  });
});
