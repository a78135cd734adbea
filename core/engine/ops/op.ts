import type { Arena } from '../arena';
import type { EngineKernels } from '../kernel-abi';

/** A weight tensor of an op: where it and its gradient live in wasm memory. */
export interface ParamSlot {
  /** TF.js weight shape, e.g. [KH, KW, Cin, Cout] (row-major, as `getWeights` returns). */
  readonly shape: readonly number[];
  readonly size: number;
  /** False for state the optimizer must not touch (BatchNormalization's moving statistics). */
  readonly trainable: boolean;
  /** Byte offsets of the value and of its gradient. */
  weight: number;
  grad: number;
}

/** Everything an op needs at run time, shared by all ops of an engine. */
export interface OpContext {
  readonly kernels: EngineKernels;
  readonly arena: Arena;
  /** Largest batch the buffers are planned for. */
  readonly maxBatch: number;
  /** GEMM packing workspace (`gemmWorkspaceBytes`). */
  work: number;
  /** Shared backward scratch (conv column gradients), sized for the largest `scratchPerExample`. */
  scratch: number;
  /** Fills `n` floats at byte offset `at` with the seeded dropout mask (0 or 1/(1−rate)). */
  readonly fillDropoutMask: (at: number, n: number, rate: number) => void;
}

/**
 * One layer of a chain, as the engine runs it. Shapes are per example (no
 * batch axis). `forward` returns the byte offset of its output (its own
 * buffer, or its input for reshaping ops); `backward` turns dL/d(output) into
 * dL/d(input) (skipped when `dInput` is 0) and writes its weight gradients.
 * `backward` may overwrite `dOutput`.
 */
export interface EngineOp {
  readonly layerName: string;
  readonly outShape: readonly number[];
  readonly params: readonly ParamSlot[];
  /** Floats of shared scratch this op needs per example during backward. */
  readonly scratchPerExample: number;
  /** Reserves the op's own buffers (called once, before the arena commits). */
  plan(ctx: OpContext): void;
  forward(ctx: OpContext, input: number, n: number, training: boolean): number;
  backward(ctx: OpContext, dOutput: number, dInput: number, n: number): void;
  /** Set on the last op when the loss kernel already produced dL/d(pre-activation). */
  skipActivationBackward?: boolean;
}

/**
 * A layer with several inputs (Add, Concatenate), as the engine runs it in a
 * graph: `forward` reads the inputs' byte offsets in order and returns its
 * output; `backward` writes dL/d(input i) into `dInputs[i]` (skipped when 0).
 * Merges have no weights.
 */
export interface EngineMergeOp {
  readonly layerName: string;
  readonly outShape: readonly number[];
  readonly params: readonly ParamSlot[];
  readonly scratchPerExample: number;
  plan(ctx: OpContext): void;
  forward(ctx: OpContext, inputs: readonly number[], n: number): number;
  backward(ctx: OpContext, dOutput: number, dInputs: readonly number[], n: number): void;
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, d) => a * d, 1);
}

export function paramSlot(shape: readonly number[], trainable = true): ParamSlot {
  return { shape, size: sizeOf(shape), trainable, weight: 0, grad: 0 };
}

/** Output length and leading padding of one spatial axis, TF's `same`/`valid` rule. */
export function windowGeometry(
  size: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: 'same' | 'valid',
): { out: number; padBefore: number } {
  const effective = (kernel - 1) * dilation + 1;
  if (padding === 'valid')
    return { out: Math.floor((size - effective) / stride) + 1, padBefore: 0 };
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + effective - size, 0);
  return { out, padBefore: Math.floor(total / 2) };
}

/**
 * Which steps of each example are real tokens, from an Embedding with
 * maskZero (token id 0 is padding): `keep[i·steps + t]` is 1 for a real step.
 * The producing op refills it on every forward; the recurrent op after it
 * keeps its state on padded steps, as Keras does.
 */
export interface StepMask {
  readonly steps: number;
  keep: Uint8Array;
}
