import type { OpContext, StepMask } from './op';

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

/*
 * Padding masks (Embedding maskZero), as Keras applies them: on a padded step
 * an example keeps its state, so its output and the gradient flowing back
 * through that step pass unchanged, and the step adds nothing to any weight's
 * gradient.
 */

function isPadded(mask: StepMask, example: number, t: number): boolean {
  return mask.keep[example * mask.steps + t] === 0;
}

/** True when step t is padding for each of the n examples (the step can be skipped). */
export function isPaddingForAll(mask: StepMask, t: number, n: number): boolean {
  for (let b = 0; b < n; b++) if (!isPadded(mask, b, t)) return false;
  return true;
}

/** Copies `floats` of state from one step's slot to the next (a skipped step). */
export function copyState(ctx: OpContext, from: number, to: number, floats: number): void {
  ctx.arena.f32(to, floats).set(ctx.arena.f32(from, floats));
}

/** Forward: rows of `to` ([n, u]) where step t is padding take the previous state from `from`. */
export function holdPaddedRows(
  ctx: OpContext,
  mask: StepMask,
  t: number,
  n: number,
  u: number,
  from: number,
  to: number,
): void {
  const src = ctx.arena.f32(from, n * u);
  const dst = ctx.arena.f32(to, n * u);
  for (let b = 0; b < n; b++)
    if (isPadded(mask, b, t)) dst.set(src.subarray(b * u, (b + 1) * u), b * u);
}

/** Backward: zeroes the pre-activation gradient rows (`width` floats, `stride` floats apart) of padded examples. */
export function zeroPaddedRows(
  ctx: OpContext,
  mask: StepMask,
  t: number,
  n: number,
  at: number,
  stride: number,
  width: number,
): void {
  const rows = ctx.arena.f32(at, (n - 1) * stride + width);
  for (let b = 0; b < n; b++)
    if (isPadded(mask, b, t)) rows.fill(0, b * stride, b * stride + width);
}

/**
 * Backward: the state gradient of padded examples passes a step unchanged.
 * `save` copies their rows of an [n, u] buffer aside before the step's
 * backward; `restore` puts them back after it.
 */
export function keepPaddedGradients(
  ctx: OpContext,
  mask: StepMask,
  t: number,
  n: number,
  u: number,
  at: number,
  aside: Float32Array,
  direction: 'save' | 'restore',
): void {
  const rows = ctx.arena.f32(at, n * u);
  for (let b = 0; b < n; b++) {
    if (!isPadded(mask, b, t)) continue;
    if (direction === 'save') aside.set(rows.subarray(b * u, (b + 1) * u), b * u);
    else rows.set(aside.subarray(b * u, (b + 1) * u), b * u);
  }
}
