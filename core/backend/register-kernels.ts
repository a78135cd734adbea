import * as tf from '@tensorflow/tfjs';

import { conv2dBackpropFilterKernel } from './conv2d-backprop-filter';
import type { KernelBackendName } from './kernel-io';
import { unsortedSegmentSumKernel } from './unsorted-segment-sum';

/**
 * The training kernels LayerLab supplies itself, per backend.
 *
 * Found by training every template one step on wasm (see
 * `train-every-template.test.ts`) and by comparing the kernel registries of
 * cpu and wasm: these are the gradient kernels a catalog layer needs that
 * wasm lacks, and that cpu has only in a pathologically slow form.
 */
export const layerLabKernelNames = ['Conv2DBackpropFilter', 'UnsortedSegmentSum'] as const;

const registered = new Set<string>();

function kernelFor(
  name: (typeof layerLabKernelNames)[number],
  backendName: KernelBackendName,
): tf.KernelFunc {
  switch (name) {
    case 'Conv2DBackpropFilter':
      return conv2dBackpropFilterKernel(backendName);
    case 'UnsortedSegmentSum':
      return unsortedSegmentSumKernel;
  }
}

/**
 * Registers LayerLab's kernels for `backendName`, replacing stock ones
 * (cpu) or filling gaps (wasm). Idempotent; safe before or after the backend
 * is initialised. Called by `initBackend`; tests call it directly.
 */
export function registerLayerLabKernels(backendName: KernelBackendName): void {
  for (const name of layerLabKernelNames) {
    const key = `${backendName}/${name}`;
    if (registered.has(key)) continue;
    if (tf.getKernel(name, backendName)) tf.unregisterKernel(name, backendName);
    tf.registerKernel({ kernelName: name, backendName, kernelFunc: kernelFor(name, backendName) });
    registered.add(key);
  }
}
