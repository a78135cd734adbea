import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

import type { BackendChoice } from '../train/config';
import { chooseBackend, describeAdapter, type WebgpuAdapterFacts } from './backend-policy';
import { registerLayerLabKernels } from './register-kernels';
import { isSoftwareRenderer } from './renderer-kind';

/** A backend LayerLab can train on. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/**
 * Why a backend was chosen (stable codes; the status bar words them by code).
 * - `requested`: the user's override, and it worked.
 * - `webgpu-gpu-adapter`: auto, the WebGPU adapter is a real GPU.
 * - `gpu-renderer`: auto, WebGL runs on a real GPU.
 * - `software-renderer`: auto, WebGL exists but is a software rasteriser, so WASM is faster.
 * - `webgl-unavailable`: auto, no WebGL at all.
 * - `wasm-unavailable`: WASM failed to start (missing .wasm file, old runtime), so CPU.
 * - `requested-unavailable`: the override failed to start; a fallback was used.
 */
export type BackendReason =
  | 'requested'
  | 'webgpu-gpu-adapter'
  | 'gpu-renderer'
  | 'software-renderer'
  | 'webgl-unavailable'
  | 'wasm-unavailable'
  | 'requested-unavailable';

/** What the caller knows about its surroundings; core touches no globals. */
export interface BackendEnv {
  /**
   * Where the tfjs-backend-wasm `.wasm` binaries are: a prefix ending in `/`
   * (a URL in the browser, a directory path in Node) or a map from file name.
   * They must be served locally: LayerLab is offline.
   */
  readonly wasmPaths?: string | Readonly<Record<string, string>>;
  /**
   * The unmasked WebGL renderer string if the caller probed it (a worker can,
   * with an OffscreenCanvas); `null` means "no WebGL here"; absent means
   * "create TF.js's context and ask it".
   */
  readonly webglRenderer?: string | null;
  /**
   * The WebGPU adapter if the caller probed one (`navigator.gpu.requestAdapter()`,
   * workers too); null or absent means "no WebGPU" (Node, or not probed).
   */
  readonly webgpuAdapter?: WebgpuAdapterFacts | null;
  /**
   * Let the wasm backend use its threaded build when the page is cross-origin
   * isolated. Off by default: on 2 cores tfjs caps the pool at 1 thread anyway
   * (measured +3–5 % CNN, −30 % LSTM with 2 forced threads), and its pthread
   * workers load from blob: URLs, which LayerLab's CSP does not allow.
   */
  readonly wasmThreads?: boolean;
}

/** The backend in use, read back from TF.js, and why. */
export interface BackendInfo {
  readonly backend: BackendName;
  readonly reason: BackendReason;
  readonly requested: BackendChoice;
  /** WebGL renderer string, or the WebGPU adapter's description, when known. */
  readonly renderer: string | null;
  /** wasm only: SIMD build in use. */
  readonly simd: boolean | null;
  /** wasm only: thread-pool size (1 without cross-origin isolation or in Node). */
  readonly threads: number | null;
}

let wasmPathsSet = false;

/** Reads the renderer string from TF.js's own WebGL context (null if unavailable). */
function readWebglRenderer(): string | null {
  interface GlLike {
    getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null;
    getParameter(p: number): unknown;
    RENDERER: number;
  }
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: GlLike } }).gpgpu?.gl;
  if (!gl) return null;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const value = gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof value === 'string' ? value : null;
}

/**
 * Imports TF.js's WebGPU backend on first use (a separate chunk: the app's
 * first load does not carry it); importing registers the `webgpu` backend
 * when the runtime has `navigator.gpu`.
 */
async function loadWebgpuBackend(): Promise<boolean> {
  try {
    await import('@tensorflow/tfjs-backend-webgpu');
    return tf.findBackendFactory('webgpu') !== null;
  } catch {
    return false;
  }
}

async function trySetBackend(name: BackendName, env: BackendEnv): Promise<boolean> {
  if (name === 'webgpu' && !(await loadWebgpuBackend())) return false;
  if (name === 'wasm') {
    const paths = env.wasmPaths;
    const given =
      typeof paths === 'string'
        ? paths.length > 0
        : paths !== undefined && Object.keys(paths).length > 0;
    if (given && !wasmPathsSet) {
      try {
        // Throws synchronously on an incomplete file map.
        setWasmPaths(paths as string);
        wasmPathsSet = true;
      } catch {
        return false;
      }
    }
    if (env.wasmThreads !== true) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    registerLayerLabKernels('wasm');
  }
  if (name === 'cpu') registerLayerLabKernels('cpu');
  try {
    // setBackend resolves false (and TF.js keeps another backend) on failure.
    const ok = await tf.setBackend(name);
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

async function wasmFeatures(): Promise<{ simd: boolean; threads: number }> {
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  return { simd, threads: getThreadsCount() };
}

async function describe(
  requested: BackendChoice,
  reason: BackendReason,
  renderer: string | null,
): Promise<BackendInfo> {
  const backend = tf.getBackend() as BackendName;
  const features = backend === 'wasm' ? await wasmFeatures() : { simd: null, threads: null };
  return { backend, reason, requested, renderer, ...features };
}

/** WASM, else CPU; `reason` is used when WASM starts. */
async function wasmOrCpu(
  requested: BackendChoice,
  env: BackendEnv,
  reason: BackendReason,
  renderer: string | null,
): Promise<BackendInfo> {
  if (await trySetBackend('wasm', env)) return describe(requested, reason, renderer);
  if (await trySetBackend('cpu', env)) {
    return describe(
      requested,
      requested === 'auto' ? 'wasm-unavailable' : 'requested-unavailable',
      renderer,
    );
  }
  throw new Error('No TensorFlow.js backend could be started (webgl, wasm and cpu all failed)');
}

/**
 * Picks and starts the TF.js backend, registers LayerLab's kernels for it,
 * and reports what TF.js actually runs (always read back: `tf.setBackend`
 * silently keeps another backend when one fails).
 *
 * `auto` follows the backend policy (`chooseBackend`): WebGPU when the adapter
 * is a real GPU; WebGL only when its renderer is a real GPU; else WASM (SIMD;
 * threads when cross-origin isolated, which TF.js detects itself); CPU last.
 * An explicit choice is honoured when it starts, including WebGL or WebGPU on
 * a software renderer or adapter (tests use that), and otherwise falls back the same way.
 *
 * @example await initBackend('cpu') // unit tests
 * @example await initBackend('auto', { wasmPaths: './wasm/', webglRenderer: probed })
 */
export async function initBackend(
  choice: BackendChoice,
  env: BackendEnv = {},
): Promise<BackendInfo> {
  if (choice === 'cpu') {
    if (await trySetBackend('cpu', env)) return describe(choice, 'requested', null);
    throw new Error('The TensorFlow.js cpu backend could not be started');
  }
  if (choice === 'wasm') {
    if (await trySetBackend('wasm', env)) return describe(choice, 'requested', null);
    return wasmOrCpu(choice, env, 'requested-unavailable', null);
  }
  const adapter = env.webgpuAdapter ?? null;
  if (choice === 'webgpu') {
    const renderer = adapter ? describeAdapter(adapter) : null;
    if (await trySetBackend('webgpu', env)) return describe(choice, 'requested', renderer);
    return wasmOrCpu(choice, env, 'requested-unavailable', null);
  }
  if (choice === 'auto') {
    const policy = chooseBackend({ webgpu: adapter, webglRenderer: env.webglRenderer });
    if (policy.backend === 'webgpu' && adapter && (await trySetBackend('webgpu', env)))
      return describe(choice, policy.reason, describeAdapter(adapter));
    // A WebGPU backend that fails to start (driver, limits) leaves WebGL and the CPU to choose from.
    const rest =
      policy.backend === 'webgpu'
        ? chooseBackend({ webgpu: null, webglRenderer: env.webglRenderer })
        : policy;
    if (rest.backend === 'wasm') {
      const seen = env.webglRenderer ?? (adapter ? describeAdapter(adapter) : null);
      return wasmOrCpu(choice, env, rest.reason, seen);
    }
  }
  // Here: an explicit WebGL request, or auto with a GPU (or not yet probed) WebGL renderer.
  if (env.webglRenderer === null) {
    return wasmOrCpu(
      choice,
      env,
      choice === 'auto' ? 'webgl-unavailable' : 'requested-unavailable',
      null,
    );
  }
  // An explicit request accepts a software renderer; TF.js refuses one by default
  // (failIfMajorPerformanceCaveat), which would make the override silently fail.
  if (choice === 'webgl') tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  if (await trySetBackend('webgl', env)) {
    const renderer = readWebglRenderer() ?? env.webglRenderer ?? null;
    if (choice === 'webgl') return describe(choice, 'requested', renderer);
    if (renderer !== null && isSoftwareRenderer(renderer))
      return wasmOrCpu(choice, env, 'software-renderer', renderer);
    return describe(choice, 'gpu-renderer', renderer);
  }
  return wasmOrCpu(
    choice,
    env,
    choice === 'auto' ? 'webgl-unavailable' : 'requested-unavailable',
    null,
  );
}

/**
 * Replaces the webgl backend with a fresh instance (new context) after a lost
 * context: TF.js keeps the dead backend's textures and `fit` never resolves.
 * Falls back to WASM/CPU when WebGL cannot start again. Weights must be
 * restored from a CPU snapshot by the caller.
 */
export async function restartAfterContextLoss(env: BackendEnv = {}): Promise<BackendInfo> {
  if (tf.findBackend('webgl')) tf.removeBackend('webgl');
  tf.registerBackend('webgl', () => new tf.MathBackendWebGL(), 2);
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  if (await trySetBackend('webgl', env)) return describe('webgl', 'requested', readWebglRenderer());
  return wasmOrCpu('webgl', env, 'requested-unavailable', null);
}
