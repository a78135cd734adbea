/**
 * A 2-D map of word vectors by principal component analysis, exactly: the
 * covariance matrix (dim × dim, float64) and its two leading eigenvectors by
 * power iteration with deflation, iterated until the direction stops moving
 * (1e-12) — no randomness, so the same vectors always give the same map.
 * Cost: rows × dim² / 2 for the covariance (10 000 × 100: about 50 M
 * multiply-adds), then dim² per iteration.
 */
import type { WordVectors } from './word-vectors';

/** Where each word lands, and how much of the spread the two axes keep. */
export interface Projection {
  /** Row i at (xy[2i], xy[2i+1]). */
  readonly xy: Float32Array;
  /** Variance along each axis (the two largest eigenvalues of the covariance). */
  readonly variances: readonly [number, number];
  /** Total variance (the covariance's trace): variances / total = share explained. */
  readonly total: number;
  /** The two axes, unit vectors of length dim. */
  readonly axes: readonly [Float64Array, Float64Array];
}

/** Covariance of the rows (divided by n), upper and lower triangle filled. */
export function covariance(vectors: WordVectors): { mean: Float64Array; cov: Float64Array } {
  const { dim } = vectors;
  const n = vectors.words.length;
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++)
    for (let d = 0; d < dim; d++) mean[d]! += vectors.vectors[i * dim + d]!;
  for (let d = 0; d < dim; d++) mean[d]! /= Math.max(1, n);
  const cov = new Float64Array(dim * dim);
  const row = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < dim; d++) row[d] = vectors.vectors[i * dim + d]! - mean[d]!;
    for (let a = 0; a < dim; a++) {
      const ra = row[a]!;
      if (ra === 0) continue;
      const base = a * dim;
      for (let b = a; b < dim; b++) cov[base + b]! += ra * row[b]!;
    }
  }
  for (let a = 0; a < dim; a++)
    for (let b = a; b < dim; b++) {
      const v = cov[a * dim + b]! / Math.max(1, n);
      cov[a * dim + b] = v;
      cov[b * dim + a] = v;
    }
  return { mean, cov };
}

/**
 * The leading eigenvector and eigenvalue of a symmetric positive
 * semi-definite matrix. Deterministic start; stops when the direction moves
 * less than 1e-12 or after `maxIterations` (a tie between two eigenvalues
 * then leaves some vector of their plane, which projects just as well).
 */
export function leadingEigen(
  m: Float64Array,
  dim: number,
  maxIterations = 20_000,
): { vector: Float64Array; value: number } {
  let v = Float64Array.from({ length: dim }, (_, d) => 1 + d / dim);
  normalise(v);
  let value = 0;
  for (let it = 0; it < maxIterations; it++) {
    const next = new Float64Array(dim);
    for (let a = 0; a < dim; a++) {
      let s = 0;
      const base = a * dim;
      for (let b = 0; b < dim; b++) s += m[base + b]! * v[b]!;
      next[a] = s;
    }
    value = normalise(next);
    if (value === 0) return { vector: v, value: 0 };
    let moved = 0;
    for (let d = 0; d < dim; d++) moved = Math.max(moved, Math.abs(next[d]! - v[d]!));
    v = next;
    if (moved < 1e-12) break;
  }
  return { vector: v, value };
}

function normalise(v: Float64Array): number {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < v.length; d++) v[d]! /= norm;
  return norm;
}

/** Each axis points so that its largest component is positive: the map does not flip between runs. */
function orient(v: Float64Array): Float64Array {
  let biggest = 0;
  for (const x of v) if (Math.abs(x) > Math.abs(biggest)) biggest = x;
  if (biggest < 0) for (let d = 0; d < v.length; d++) v[d] = -v[d]!;
  return v;
}

/** The words on the plane of the two principal components (centred). */
export function projectPca(vectors: WordVectors): Projection {
  const { dim } = vectors;
  const n = vectors.words.length;
  const { mean, cov } = covariance(vectors);
  let total = 0;
  for (let d = 0; d < dim; d++) total += cov[d * dim + d]!;
  const first = leadingEigen(cov, dim);
  const deflated = Float64Array.from(cov);
  for (let a = 0; a < dim; a++)
    for (let b = 0; b < dim; b++)
      deflated[a * dim + b]! -= first.value * first.vector[a]! * first.vector[b]!;
  const second = leadingEigen(deflated, dim);
  const axes: [Float64Array, Float64Array] = [orient(first.vector), orient(second.vector)];
  const xy = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    let x = 0;
    let y = 0;
    for (let d = 0; d < dim; d++) {
      const c = vectors.vectors[i * dim + d]! - mean[d]!;
      x += c * axes[0][d]!;
      y += c * axes[1][d]!;
    }
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
  }
  return { xy, variances: [first.value, second.value], total, axes };
}
