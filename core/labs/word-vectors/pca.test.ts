import { describe, expect, it } from 'vitest';

import { covariance, leadingEigen, projectPca } from './pca';
import type { WordVectors } from './word-vectors';

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
}

/** n points with spreads 5, 2, 0.5, 0.1 along an orthonormal basis rotated in the 0–1 and 2–3 planes. */
function rotatedCloud(n: number): WordVectors {
  const rnd = seeded(4);
  const [ca, sa, cb, sb] = [Math.cos(0.7), Math.sin(0.7), Math.cos(1.1), Math.sin(1.1)];
  const vectors = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const [a, b, c, d] = [5 * rnd(), 2 * rnd(), 0.5 * rnd(), 0.1 * rnd()];
    vectors.set(
      [ca * a - sa * b + 3, sa * a + ca * b - 1, cb * c - sb * d, sb * c + cb * d],
      i * 4,
    );
  }
  return { words: Array.from({ length: n }, (_, i) => `w${i}`), dim: 4, vectors };
}

describe('PCA projection', () => {
  const cloud = rotatedCloud(2000);
  const p = projectPca(cloud);
  const { cov } = covariance(cloud);

  it('finds eigenvectors of the covariance: C·v = λ·v to 1e-9, orthogonal, unit length', () => {
    for (const [k, axis] of p.axes.entries()) {
      const lambda = p.variances[k]!;
      for (let a = 0; a < 4; a++) {
        let cv = 0;
        for (let b = 0; b < 4; b++) cv += cov[a * 4 + b]! * axis[b]!;
        expect(Math.abs(cv - lambda * axis[a]!)).toBeLessThan(1e-9);
      }
      expect(Math.hypot(...axis)).toBeCloseTo(1, 12);
    }
    expect(p.axes[0].reduce((s, x, d) => s + x * p.axes[1][d]!, 0)).toBeCloseTo(0, 9);
  });

  it('takes the two largest eigenvalues: the first axis lies in the rotated 0–1 plane, along 0.7 rad', () => {
    expect(p.variances[0]).toBeGreaterThan(p.variances[1]);
    // No unit vector has a larger Rayleigh quotient than the first variance.
    const rnd = seeded(8);
    for (let t = 0; t < 200; t++) {
      const v = [rnd(), rnd(), rnd(), rnd()];
      const n = Math.hypot(...v);
      let q = 0;
      for (let a = 0; a < 4; a++)
        for (let b = 0; b < 4; b++) q += (v[a]! * cov[a * 4 + b]! * v[b]!) / n ** 2;
      expect(q).toBeLessThanOrEqual(p.variances[0] + 1e-9);
    }
    expect(Math.abs(p.axes[0][0]!)).toBeCloseTo(Math.cos(0.7), 1);
    expect(Math.abs(p.axes[0][1]!)).toBeCloseTo(Math.sin(0.7), 1);
    expect(Math.abs(p.axes[0][2]!)).toBeLessThan(0.05);
  });

  it('places each word at its centred vector dotted with the axes', () => {
    const mean = [0, 1, 2, 3].map((d) => {
      let s = 0;
      for (let i = 0; i < 2000; i++) s += cloud.vectors[i * 4 + d]!;
      return s / 2000;
    });
    const i = 17;
    const x = [0, 1, 2, 3].reduce(
      (s, d) => s + (cloud.vectors[i * 4 + d]! - mean[d]!) * p.axes[0][d]!,
      0,
    );
    expect(p.xy[2 * i]).toBeCloseTo(x, 4);
    expect(p.total).toBeCloseTo(
      [0, 1, 2, 3].reduce((s, d) => s + cov[d * 5]!, 0),
      12,
    );
  });

  it('solves a diagonal matrix exactly', () => {
    const m = Float64Array.from([1, 0, 0, 0, 7, 0, 0, 0, 3]);
    const e = leadingEigen(m, 3);
    expect(e.value).toBeCloseTo(7, 12);
    expect(Math.abs(e.vector[1]!)).toBeCloseTo(1, 12);
  });
});
