/**
 * Theoretical receptive fields through a chain of kernels, strides, padding
 * and dilation, one spatial axis at a time (height and width are independent).
 *
 * Coordinates are input pixel indices: the centre of pixel `k` is at `k`.
 * For every layer we keep three numbers per axis:
 * - `size` r: how many input pixels one unit sees;
 * - `jump` j: the distance in input pixels between two neighbouring units;
 * - `start`: the input coordinate of the centre of unit 0's field.
 *
 * The recurrences (k_eff = d·(k−1)+1, p = padding added before the first row):
 *   r_out = r_in + (k_eff − 1)·j_in
 *   j_out = j_in · s
 *   start_out = start_in + ((k_eff − 1)/2 − p)·j_in
 * Unit u of a layer then covers input pixels
 *   [start + u·j − (r−1)/2, start + u·j + (r−1)/2], which are always integers.
 */

/** Receptive-field numbers of one spatial axis. */
export interface AxisField {
  /** Input pixels one unit sees along this axis (r). */
  readonly size: number;
  /** Input pixels between two neighbouring units (j). */
  readonly jump: number;
  /** Input coordinate of the centre of unit 0's field; may be x.5. */
  readonly start: number;
}

/** A sliding window along one axis: a convolution or pooling kernel. */
export interface AxisWindow {
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  /** Zero rows/columns added before the first input position. */
  readonly padBefore: number;
}

/** Padding modes as TF.js names them. */
export type PaddingMode = 'valid' | 'same' | 'causal';

/** The field of the input itself: each pixel sees itself. */
export const identityAxisField: AxisField = { size: 1, jump: 1, start: 0 };

/** Effective kernel extent with dilation: d·(k−1)+1. */
export function effectiveKernel(kernel: number, dilation: number): number {
  return dilation * (kernel - 1) + 1;
}

/**
 * Output length of a window over `inputLength` positions, exactly as TF.js
 * computes it (`conv_util.computeOutputShape`): `same` gives ceil(n/s),
 * `valid` gives ceil((n − k_eff + 1)/s), `causal` behaves like `same` at stride 1.
 */
export function windowOutputLength(
  inputLength: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: PaddingMode,
): number {
  const kEff = effectiveKernel(kernel, dilation);
  if (padding === 'valid') return Math.max(0, Math.ceil((inputLength - kEff + 1) / stride));
  return Math.ceil(inputLength / stride);
}

/**
 * Zero padding TF.js puts before the first position. For `same` the total
 * padding is max((out−1)·s + k_eff − n, 0) and the smaller half goes first
 * (TensorFlow puts the odd pixel at the end); `causal` pads k_eff − 1 before.
 */
export function paddingBefore(
  inputLength: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: PaddingMode,
): number {
  const kEff = effectiveKernel(kernel, dilation);
  if (padding === 'valid') return 0;
  if (padding === 'causal') return kEff - 1;
  const out = Math.ceil(inputLength / stride);
  const total = Math.max((out - 1) * stride + kEff - inputLength, 0);
  return Math.floor(total / 2);
}

/** Builds the window of one axis from layer params and the axis's input length. */
export function axisWindow(
  inputLength: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: PaddingMode,
): AxisWindow {
  return {
    kernel,
    stride,
    dilation,
    padBefore: paddingBefore(inputLength, kernel, stride, dilation, padding),
  };
}

/** One step of the recurrence: the field after a window, given the field before it. */
export function stepAxisField(before: AxisField, window: AxisWindow): AxisField {
  const kEff = effectiveKernel(window.kernel, window.dilation);
  return {
    size: before.size + (kEff - 1) * before.jump,
    jump: before.jump * window.stride,
    start: before.start + ((kEff - 1) / 2 - window.padBefore) * before.jump,
  };
}

/** Shifts the field by zero padding (ZeroPadding2D) or cropping (negative `padBefore`). */
export function shiftAxisField(before: AxisField, padBefore: number): AxisField {
  return { ...before, start: before.start - padBefore * before.jump };
}

/**
 * Fields of every layer of a chain of windows, starting at the input
 * (element 0 is the input's own field, element i+1 the field after window i).
 *
 * @example 3×3 valid convs stacked twice on one axis:
 *   chainAxisFields([w3, w3]).map(f => f.size) // [1, 3, 5]
 */
export function chainAxisFields(
  windows: readonly AxisWindow[],
  first: AxisField = identityAxisField,
): AxisField[] {
  const fields = [first];
  let field = first;
  for (const window of windows) {
    field = stepAxisField(field, window);
    fields.push(field);
  }
  return fields;
}

/** Inclusive input interval [lo, hi] seen by unit `index` along one axis (not clipped). */
export function unitInterval(
  field: AxisField,
  index: number,
): { readonly lo: number; readonly hi: number } {
  const centre = field.start + index * field.jump;
  const half = (field.size - 1) / 2;
  // Both ends are integers in exact arithmetic; rounding removes float noise.
  return { lo: Math.round(centre - half), hi: Math.round(centre + half) };
}

/** Union of two fields that share a jump (the inputs of a merge layer); null if the jumps differ. */
export function unionAxisFields(a: AxisField, b: AxisField): AxisField | null {
  if (a.jump !== b.jump) return null;
  const lo = Math.min(a.start - (a.size - 1) / 2, b.start - (b.size - 1) / 2);
  const hi = Math.max(a.start + (a.size - 1) / 2, b.start + (b.size - 1) / 2);
  return { size: hi - lo + 1, jump: a.jump, start: (lo + hi) / 2 };
}
