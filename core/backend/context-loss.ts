import * as tf from '@tensorflow/tfjs';

/**
 * Calls `onLost` when the webgl backend's context is lost (GPU reset, driver
 * crash, too many contexts). TF.js itself only drops its cached context and
 * then never finishes a `fit`; the caller must stop the run and restart the
 * backend (`restartAfterContextLoss`). Returns the unsubscribe; a no-op when
 * the current backend is not webgl.
 */
export function watchWebglContextLoss(onLost: () => void): () => void {
  interface EventTargetLike {
    addEventListener(type: string, listener: () => void): void;
    removeEventListener(type: string, listener: () => void): void;
  }
  if (tf.getBackend() !== 'webgl') return () => undefined;
  const canvas = (tf.backend() as unknown as { gpgpu?: { gl?: { canvas?: EventTargetLike } } })
    .gpgpu?.gl?.canvas;
  if (!canvas || typeof canvas.addEventListener !== 'function') return () => undefined;
  const listener = (): void => onLost();
  canvas.addEventListener('webglcontextlost', listener);
  return () => canvas.removeEventListener('webglcontextlost', listener);
}

/**
 * Loses the webgl context on purpose (the `WEBGL_lose_context` extension), for
 * fault-injection tests of the recovery path. Returns false when not on webgl.
 */
export function loseWebglContextForTesting(): boolean {
  if (tf.getBackend() !== 'webgl') return false;
  const gl = (
    tf.backend() as unknown as {
      gpgpu?: { gl?: { getExtension(name: string): { loseContext(): void } | null } };
    }
  ).gpgpu?.gl;
  const ext = gl?.getExtension('WEBGL_lose_context');
  if (!ext) return false;
  ext.loseContext();
  return true;
}

/** Live tensor count of the engine (tests and the worker's leak check). */
export function liveTensorCount(): number {
  return tf.memory().numTensors;
}

/** The TF.js version LayerLab runs (status bar: "TensorFlow.js 4.22.0"). */
export const tfjsVersion: string = tf.version_core;
