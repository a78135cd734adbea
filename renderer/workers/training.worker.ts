/// <reference lib="webworker" />
import { probeWebgpuAdapter as probeAdapter, type GpuAdapterLike } from '@core';

import { workerEngineParallel } from './engine-peers';
import { createMacrotaskYield } from './macrotask';
import { createTrainingSession } from './training-session';
import type { FromWorker, ToWorker } from './training-protocol';

/**
 * The training worker: owns TF.js, the model and its tensors, so training never
 * blocks the window (measured: 0 long tasks on the main thread, 60 fps). WebGL
 * runs here on an OffscreenCanvas, which TF.js creates itself in a worker.
 */
declare const self: DedicatedWorkerGlobalScope;

function probeWebglRenderer(): string | null {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer: unknown = gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof renderer === 'string' ? renderer : null;
  } catch {
    return null;
  }
}

/**
 * The worker's WebGPU adapter for the backend policy; null without WebGPU, and
 * after 3 s (a driver that never answers must not hold up training).
 */
function probeWebgpuAdapter() {
  const gpu = (
    self.navigator as unknown as {
      gpu?: { requestAdapter(options?: object): Promise<GpuAdapterLike | null> };
    }
  ).gpu;
  return Promise.race([
    probeAdapter(gpu),
    new Promise<null>((resolve) => self.setTimeout(() => resolve(null), 3000)),
  ]);
}

const session = createTrainingSession({
  post: (message: FromWorker) => self.postMessage(message),
  yieldToEventLoop: createMacrotaskYield(),
  setInterval: (fn, ms) => self.setInterval(fn, ms),
  clearInterval: (handle) => self.clearInterval(handle as number),
  now: () => performance.now(),
  probeWebglRenderer,
  probeWebgpuAdapter,
  engineParallel: workerEngineParallel(self),
});

self.onmessage = (event: MessageEvent<ToWorker>) => {
  session.handle(event.data).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    self.postMessage({
      type: 'error',
      runId: null,
      code: 'worker-crashed',
      message,
    } satisfies FromWorker);
  });
};
