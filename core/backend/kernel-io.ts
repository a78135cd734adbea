import * as tf from '@tensorflow/tfjs';

/**
 * The few backend internals LayerLab's own kernels need, behind one seam.
 *
 * TF.js kernels receive `TensorInfo`s and the backend object; how bytes are
 * read and outputs allocated differs per backend (the cpu backend keeps JS
 * typed arrays, the wasm backend keeps everything in its heap). Only the cpu
 * and wasm backends get LayerLab kernels: webgl ships every training kernel.
 */
export type KernelBackendName = 'cpu' | 'wasm';

/** Structural view of the backend methods used here (both backends have them). */
interface BackendInternals {
  readSync(dataId: unknown): tf.backend_util.BackendValues;
  disposeData(dataId: unknown, force?: boolean): boolean;
  /** cpu */
  makeTensorInfo?(
    shape: number[],
    dtype: tf.DataType,
    values?: tf.backend_util.BackendValues,
  ): tf.TensorInfo;
  /** wasm */
  makeOutput?(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap?(info: tf.TensorInfo): tf.backend_util.TypedArray;
}

function internals(backend: unknown): BackendInternals {
  return backend as BackendInternals;
}

/** The values of a tensor as a typed array (a view into the heap on wasm: do not keep it). */
export function readValues(backend: unknown, info: tf.TensorInfo): tf.backend_util.TypedArray {
  const b = internals(backend);
  if (b.typedArrayFromHeap) return b.typedArrayFromHeap(info);
  return b.readSync(info.dataId) as tf.backend_util.TypedArray;
}

/**
 * Allocates an output of `shape` and lets `fill` write it in place. On the cpu
 * backend the array is handed over without a copy.
 */
export function makeOutput(
  backend: unknown,
  shape: number[],
  dtype: 'float32' | 'int32',
  fill: (out: Float32Array | Int32Array) => void,
): tf.TensorInfo {
  const b = internals(backend);
  const size = shape.reduce((a, d) => a * d, 1);
  if (b.makeOutput && b.typedArrayFromHeap) {
    const info = b.makeOutput(shape, dtype);
    fill(b.typedArrayFromHeap(info) as Float32Array | Int32Array);
    return info;
  }
  if (!b.makeTensorInfo) throw new Error('LayerLab kernels support only the cpu and wasm backends');
  const values = dtype === 'float32' ? new Float32Array(size) : new Int32Array(size);
  fill(values);
  return b.makeTensorInfo(shape, dtype, values);
}

/** Runs another kernel of the same backend directly (no tape, no engine bookkeeping). */
export function callKernel(
  backendName: KernelBackendName,
  backend: unknown,
  kernelName: string,
  inputs: Record<string, tf.TensorInfo>,
  attrs: Record<string, unknown>,
): tf.TensorInfo {
  const kernel = tf.getKernel(kernelName, backendName);
  if (!kernel) throw new Error(`Kernel ${kernelName} is not registered for ${backendName}`);
  const out = kernel.kernelFunc({
    inputs,
    attrs: attrs as tf.NamedAttrMap,
    backend: backend as tf.KernelBackend,
  });
  if (Array.isArray(out)) throw new Error(`Kernel ${kernelName} returned several outputs`);
  return out;
}

/** Frees an intermediate made by `callKernel`. */
export function disposeIntermediate(backend: unknown, info: tf.TensorInfo): void {
  internals(backend).disposeData(info.dataId, true);
}
