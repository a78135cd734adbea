/**
 * The arithmetic of one word2vec step, behind one interface with two builds:
 * the WebAssembly SIMD module compiled from word2vec-kernel.as (4 floats per
 * instruction; what the app and the benchmark use) and the same steps in plain
 * TypeScript over Float32Arrays (a fallback where WebAssembly SIMD is missing,
 * and a second opinion in the tests). Both work on one memory laid out by
 * `word2vecLayout`: pointers are byte offsets, rows are `stride` floats.
 */
import { decodeBase64 } from '../sample-images';
import { word2vecKernelWasmBase64 } from './word2vec-kernel-wasm';

export interface Word2VecKernel {
  readonly build: 'wasm-simd' | 'typescript';
  /** The memory every pointer points into. */
  readonly buffer: () => ArrayBuffer;
  skipGramStep(
    row: number,
    syn1: number,
    targets: number,
    count: number,
    stride: number,
    rate: number,
    e: number,
    sigmoid: number,
    logSigmoid: number,
  ): number;
  cbowStep(
    syn0: number,
    contexts: number,
    contextCount: number,
    syn1: number,
    targets: number,
    count: number,
    stride: number,
    rate: number,
    h: number,
    e: number,
    sigmoid: number,
    logSigmoid: number,
  ): number;
}

export interface Word2VecLayout {
  readonly stride: number;
  readonly sigmoid: number;
  readonly logSigmoid: number;
  readonly targets: number;
  readonly contexts: number;
  readonly h: number;
  readonly e: number;
  readonly syn0: number;
  readonly syn1: number;
  readonly bytes: number;
}

/** Byte offsets of every buffer, each 16-byte aligned; rows padded to a multiple of 4 floats. */
export function word2vecLayout(
  words: number,
  dim: number,
  negatives: number,
  window: number,
): Word2VecLayout {
  const stride = Math.ceil(dim / 4) * 4;
  let at = 1024; // below: left to the module (its stub runtime keeps no data, but stay clear)
  const take = (bytes: number): number => {
    const start = at;
    at += Math.ceil(bytes / 16) * 16;
    return start;
  };
  const sigmoid = take(1001 * 4);
  const logSigmoid = take(1001 * 4);
  const targets = take((negatives + 1) * 4);
  const contexts = take(2 * window * 4);
  const h = take(stride * 4);
  const e = take(stride * 4);
  const syn0 = take(words * stride * 4);
  const syn1 = take(words * stride * 4);
  return { stride, sigmoid, logSigmoid, targets, contexts, h, e, syn0, syn1, bytes: at };
}

/** The WebAssembly API as used here (core compiles without DOM or Node typings). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number; maximum?: number }) => { buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** The SIMD build over a fresh memory of at least `bytes`, or null where WebAssembly SIMD is missing. */
export function wasmWord2VecKernel(bytes: number): Word2VecKernel | null {
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  const code = decodeBase64(word2vecKernelWasmBase64);
  if (!api.validate(code)) return null;
  const memory = new api.Memory({ initial: Math.ceil(bytes / 65536) });
  const instance = new api.Instance(new api.Module(code), { env: { memory } });
  const exports = instance.exports as unknown as Pick<Word2VecKernel, 'skipGramStep' | 'cbowStep'>;
  return {
    build: 'wasm-simd',
    buffer: () => memory.buffer,
    skipGramStep: exports.skipGramStep,
    cbowStep: exports.cbowStep,
  };
}

/** The same steps in TypeScript: one float at a time, same order of updates. */
export function typescriptWord2VecKernel(bytes: number): Word2VecKernel {
  const buffer = new ArrayBuffer(bytes);
  const f = new Float32Array(buffer);
  const n = new Int32Array(buffer);
  const negativeSampling = (
    h: number,
    syn1: number,
    targets: number,
    count: number,
    stride: number,
    rate: number,
    e: number,
    sigmoid: number,
    logSigmoid: number,
  ): number => {
    const hi = h >> 2;
    const ei = e >> 2;
    for (let k = 0; k < stride; k++) f[ei + k] = 0;
    let loss = 0;
    for (let d = 0; d < count; d++) {
      const label = d === 0 ? 1 : 0;
      const wi = (syn1 >> 2) + n[(targets >> 2) + d]! * stride;
      let dot = 0;
      for (let k = 0; k < stride; k++) dot += f[hi + k]! * f[wi + k]!;
      dot = Math.fround(dot);
      let g: number;
      if (dot > 6) {
        g = (label - 1) * rate;
        if (d !== 0) loss += dot;
      } else if (dot < -6) {
        g = label * rate;
        if (d === 0) loss -= dot;
      } else {
        const i = ((dot + 6) * (1000 / 6 / 2)) | 0;
        g = (label - f[(sigmoid >> 2) + i]!) * rate;
        loss -= d === 0 ? f[(logSigmoid >> 2) + i]! : f[(logSigmoid >> 2) + 1000 - i]!;
      }
      for (let k = 0; k < stride; k++) {
        const wk = f[wi + k]!;
        f[ei + k] = f[ei + k]! + g * wk;
        f[wi + k] = wk + g * f[hi + k]!;
      }
    }
    return loss;
  };
  return {
    build: 'typescript',
    buffer: () => buffer,
    skipGramStep(row, syn1, targets, count, stride, rate, e, sigmoid, logSigmoid) {
      const loss = negativeSampling(
        row,
        syn1,
        targets,
        count,
        stride,
        rate,
        e,
        sigmoid,
        logSigmoid,
      );
      const ri = row >> 2;
      const ei = e >> 2;
      for (let k = 0; k < stride; k++) f[ri + k] = f[ri + k]! + f[ei + k]!;
      return loss;
    },
    cbowStep(
      syn0,
      contexts,
      contextCount,
      syn1,
      targets,
      count,
      stride,
      rate,
      h,
      e,
      sigmoid,
      logSigmoid,
    ) {
      const hi = h >> 2;
      for (let k = 0; k < stride; k++) f[hi + k] = 0;
      for (let c = 0; c < contextCount; c++) {
        const ri = (syn0 >> 2) + n[(contexts >> 2) + c]! * stride;
        for (let k = 0; k < stride; k++) f[hi + k] = f[hi + k]! + f[ri + k]!;
      }
      for (let k = 0; k < stride; k++) f[hi + k] = f[hi + k]! / contextCount;
      const loss = negativeSampling(h, syn1, targets, count, stride, rate, e, sigmoid, logSigmoid);
      const ei = e >> 2;
      for (let c = 0; c < contextCount; c++) {
        const ri = (syn0 >> 2) + n[(contexts >> 2) + c]! * stride;
        for (let k = 0; k < stride; k++) f[ri + k] = f[ri + k]! + f[ei + k]!;
      }
      return loss;
    },
  };
}
