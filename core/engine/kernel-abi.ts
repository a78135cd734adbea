import type { KernelExports } from './kernel-exports';

/**
 * What the engine's TypeScript shares with its wasm module
 * (core/engine/assembly): the kernels' type and the codes they take.
 */
/**
 * The part of a `WebAssembly.Memory` the engine uses. core compiles without
 * DOM/Node typings, so the WebAssembly API is typed locally (load-kernels.ts).
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/**
 * The kernels as the engine calls them: the module's exports, typed by
 * `kernel-exports.ts` (generated from the AssemblyScript sources and checked
 * against the loaded module by `instantiateKernels`), over its memory.
 */
export type EngineKernels = KernelExports & { readonly memory: WasmMemory };

/** Activation codes understood by `activate`/`activateBackward`. */
export const activationCodes = {
  linear: 0,
  relu: 1,
  sigmoid: 2,
  tanh: 3,
  softmax: 4,
  elu: 5,
} as const;
export type EngineActivation = keyof typeof activationCodes;

/** Activation codes of the recurrent kernels (assembly/recurrent.ts): hardSigmoid is TF.js's LSTM gate default. */
export const recurrentActivationCodes = {
  linear: 0,
  relu: 1,
  sigmoid: 2,
  tanh: 3,
  hardSigmoid: 6,
} as const;
export type RecurrentActivation = keyof typeof recurrentActivationCodes;

/** True for the activation names the recurrent kernels implement. */
export function isRecurrentActivation(name: unknown): name is RecurrentActivation {
  return (
    typeof name === 'string' && Object.prototype.hasOwnProperty.call(recurrentActivationCodes, name)
  );
}

/** True for the activation names the engine implements. */
export function isEngineActivation(name: unknown): name is EngineActivation {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(activationCodes, name);
}
