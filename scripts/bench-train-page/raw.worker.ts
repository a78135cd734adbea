/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

import { registerLayerLabKernels } from '../../core/backend/register-kernels';
import { rawModel, rawTrainLoop, type BenchModel } from '../bench-train-models';

/**
 * Raw TF.js in a plain worker: the reference the app's worker path is compared
 * with. LayerLab's two kernels are registered here too (stock wasm cannot train
 * a CNN at all, stock cpu is ~5× slower), so the comparison isolates the app's
 * own overhead: protocol, sample source, callbacks.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (
  event: MessageEvent<{
    backend: string;
    model: BenchModel;
    pixels: Uint8Array;
    labels: Uint8Array;
    batches: number;
    wasmPaths: Record<string, string>;
  }>,
) => {
  const { backend, model: kind, pixels, labels, batches, wasmPaths } = event.data;
  try {
    if (backend === 'wasm') {
      setWasmPaths(wasmPaths);
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    }
    if (backend === 'wasm' || backend === 'cpu') registerLayerLabKernels(backend);
    if (backend === 'webgl') tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    await tf.setBackend(backend);
    const model = rawModel(kind);
    const times = await rawTrainLoop(model, pixels, labels, batches, () => performance.now());
    self.postMessage({ ok: true, backend: tf.getBackend(), times });
  } catch (error) {
    self.postMessage({ ok: false, backend: tf.getBackend(), message: String(error) });
  }
};
