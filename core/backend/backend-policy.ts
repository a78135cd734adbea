import { isSoftwareRenderer } from './renderer-kind';

/**
 * What a WebGPU adapter says about itself (`GPUAdapter.info`, or
 * `requestAdapterInfo()` in older Chromium), probed by the caller: core
 * touches no globals. Chromium leaves `description` empty unless asked.
 */
export interface WebgpuAdapterFacts {
  /** `adapter.isFallbackAdapter` or `adapter.info.isFallbackAdapter`: a CPU implementation. */
  readonly isFallbackAdapter: boolean;
  readonly vendor: string;
  readonly architecture: string;
  readonly description: string;
}

/** The graphics a runtime offers, as probed by the caller. */
export interface GraphicsOffer {
  /** The WebGPU adapter's facts; null when there is no WebGPU or no adapter. */
  readonly webgpu: WebgpuAdapterFacts | null;
  /**
   * The unmasked WebGL renderer string; null when there is no WebGL; undefined
   * when not probed (initBackend then starts WebGL and reads TF.js's own context).
   */
  readonly webglRenderer: string | null | undefined;
}

/**
 * Where training runs when the user leaves the choice on Automatic:
 * - `webgpu`: TF.js's WebGPU backend, the adapter is a real GPU;
 * - `webgl`: TF.js's WebGL backend, no real WebGPU adapter but WebGL runs on a GPU
 *   (or its renderer is still unknown: initBackend checks it once WebGL runs);
 * - `wasm`: the CPU — LayerLab's engine trains when it supports the model
 *   (core/engine), TF.js's WASM backend does everything else.
 */
export type PolicyBackend = 'webgpu' | 'webgl' | 'wasm';

/** Why the policy chose (a subset of `BackendReason`, each a message code). */
export type PolicyReason =
  'webgpu-gpu-adapter' | 'gpu-renderer' | 'software-renderer' | 'webgl-unavailable';

/** The adapter's own words in one line (status bar tooltip, policy input). */
export function describeAdapter(adapter: WebgpuAdapterFacts): string {
  return [adapter.vendor, adapter.architecture, adapter.description]
    .filter((part) => part.trim() !== '')
    .join(' · ');
}

/**
 * Whether a WebGPU adapter is a software implementation: the browser says so
 * (`isFallbackAdapter`), or its vendor/architecture/description names a
 * software rasteriser (SwiftShader, llvmpipe, lavapipe…). On such an adapter
 * every WebGPU kernel runs on the CPU, slower than LayerLab's engine.
 *
 * @example isSoftwareAdapter({ isFallbackAdapter: true, vendor: 'google', architecture: 'swiftshader', description: '' }) // true
 */
export function isSoftwareAdapter(adapter: WebgpuAdapterFacts): boolean {
  return adapter.isFallbackAdapter || isSoftwareRenderer(describeAdapter(adapter));
}

/**
 * The backend policy: WebGPU on a real GPU adapter, else WebGL on a real GPU
 * renderer, else the CPU (LayerLab's engine). A software adapter or renderer
 * never wins: on the CPU the engine is faster than either (docs/perf-baseline).
 *
 * @example chooseBackend({ webgpu: null, webglRenderer: 'Apple M2' }) // { backend: 'webgl', reason: 'gpu-renderer' }
 */
export function chooseBackend(offer: GraphicsOffer): {
  readonly backend: PolicyBackend;
  readonly reason: PolicyReason;
} {
  if (offer.webgpu !== null && !isSoftwareAdapter(offer.webgpu))
    return { backend: 'webgpu', reason: 'webgpu-gpu-adapter' };
  if (offer.webglRenderer === null)
    return {
      backend: 'wasm',
      // A software WebGPU adapter is graphics without a GPU; nothing at all is "unavailable".
      reason: offer.webgpu !== null ? 'software-renderer' : 'webgl-unavailable',
    };
  if (offer.webglRenderer !== undefined && isSoftwareRenderer(offer.webglRenderer))
    return { backend: 'wasm', reason: 'software-renderer' };
  return { backend: 'webgl', reason: 'gpu-renderer' };
}

/** The parts of a `GPUAdapter` the policy reads (structural: core has no WebGPU types). */
export interface GpuAdapterLike {
  readonly isFallbackAdapter?: boolean;
  readonly info?: AdapterInfoLike;
  requestAdapterInfo?(): Promise<AdapterInfoLike>;
}
interface AdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly description?: string;
  readonly isFallbackAdapter?: boolean;
}

/**
 * Reads a WebGPU adapter's facts: `adapter.info` (Chromium ≥ 127, where
 * `isFallbackAdapter` moved onto it), else the older `requestAdapterInfo()`.
 */
export async function adapterFacts(adapter: GpuAdapterLike): Promise<WebgpuAdapterFacts> {
  const info: AdapterInfoLike =
    adapter.info ?? (await adapter.requestAdapterInfo?.().catch(() => undefined)) ?? {};
  return {
    isFallbackAdapter: Boolean(adapter.isFallbackAdapter ?? info.isFallbackAdapter),
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    description: info.description ?? '',
  };
}

/**
 * Probes the runtime's WebGPU adapter (`navigator.gpu`, in a page or a worker);
 * null when there is no WebGPU or no adapter. `gpu` is passed in: core reads no globals.
 */
export async function probeWebgpuAdapter(
  gpu: { requestAdapter(options?: object): Promise<GpuAdapterLike | null> } | undefined,
): Promise<WebgpuAdapterFacts | null> {
  if (!gpu) return null;
  try {
    // The adapter TF.js's WebGPU backend will ask for.
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    return adapter ? await adapterFacts(adapter) : null;
  } catch {
    return null;
  }
}
