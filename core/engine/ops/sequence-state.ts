import type { OpContext } from './op';

/**
 * returnSequences: copies the per-step states (hs slots t = 1..T, each
 * [maxBatch, u] at `stride` bytes) into out [n, T, u].
 */
export function gatherSequence(
  ctx: OpContext,
  hs: number,
  stride: number,
  n: number,
  steps: number,
  u: number,
  out: number,
): void {
  const dst = ctx.arena.f32(out, n * steps * u);
  for (let t = 0; t < steps; t++) {
    const step = ctx.arena.f32(hs + (t + 1) * stride, n * u);
    for (let b = 0; b < n; b++) dst.set(step.subarray(b * u, (b + 1) * u), (b * steps + t) * u);
  }
}

/** dh (+)= dy[:, t, :] for returnSequences (dy is [n, T, u]); `assign` on the last step. */
export function takeStepGradient(
  ctx: OpContext,
  dy: number,
  t: number,
  n: number,
  steps: number,
  u: number,
  dh: number,
  assign: boolean,
): void {
  const src = ctx.arena.f32(dy, n * steps * u);
  const dst = ctx.arena.f32(dh, n * u);
  for (let b = 0; b < n; b++) {
    const from = (b * steps + t) * u;
    if (assign) dst.set(src.subarray(from, from + u), b * u);
    else for (let j = 0; j < u; j++) dst[b * u + j]! += src[from + j]!;
  }
}
