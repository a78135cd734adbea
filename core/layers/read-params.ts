import type { Params } from '../graph/types';
import type { Shape } from '../shapes/shape';
import type { ShapeInference, ShapeProblem } from './spec';

/**
 * Readers used inside `inferShape`/`countParams`/`toTf`. Params reaching a
 * spec have already passed `validateParam`, but the readers still fall back
 * to a default so a spec never throws on a malformed document.
 */
export function readInt(params: Params, name: string, fallback: number): number {
  const v = params[name];
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : fallback;
}

export function readFloat(params: Params, name: string, fallback: number): number {
  const v = params[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function readBool(params: Params, name: string, fallback: boolean): boolean {
  const v = params[name];
  return typeof v === 'boolean' ? v : fallback;
}

export function readString(params: Params, name: string, fallback: string): string {
  const v = params[name];
  return typeof v === 'string' ? v : fallback;
}

export function readIntList(params: Params, name: string, fallback: readonly number[]): number[] {
  const v = params[name];
  return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x))
    ? v.map((x) => Math.trunc(x))
    : [...fallback];
}

/** Reads a 2-entry list (`kernelSize`, `strides`) as a [rows, cols] pair. */
export function readPair(
  params: Params,
  name: string,
  fallback: readonly [number, number],
): [number, number] {
  const v = readIntList(params, name, fallback);
  return [v[0] ?? fallback[0], v[1] ?? fallback[1]];
}

export function shapeOk(shape: Shape): ShapeInference {
  return { ok: true, shape };
}

export function shapeFail(code: string, args: ShapeProblem['args'] = {}): ShapeInference {
  return { ok: false, problem: { code, args } };
}

/** `[null, 28, 28, 1]` → `"[28, 28, 1]"`: the per-sample shape as learners read it in messages. */
export function describeShape(shape: Shape): string {
  return `[${shape
    .slice(1)
    .map((d) => (d === null ? '?' : String(d)))
    .join(', ')}]`;
}

/**
 * Output length of a convolution or pooling window along one axis, exactly as
 * TF.js `convOutputLength` computes it (utils/conv_utils.ts).
 */
export function convOutputLength(
  inputLength: number | null,
  filterSize: number,
  padding: string,
  stride: number,
  dilation = 1,
): number | null {
  if (inputLength === null) return null;
  const dilated = filterSize + (filterSize - 1) * (dilation - 1);
  const length = padding === 'same' ? inputLength : inputLength - dilated + 1;
  return Math.floor((length + stride - 1) / stride);
}

/** Product of the per-sample dimensions, or null when one is unknown. */
export function product(dims: readonly (number | null)[]): number | null {
  let n = 1;
  for (const d of dims) {
    if (d === null) return null;
    n *= d;
  }
  return n;
}
