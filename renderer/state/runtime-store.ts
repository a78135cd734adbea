import { create } from 'zustand';

/**
 * Runtime facts about the compute engine, shown in the status bar.
 * The training worker fills `backend`, `backendReason` and `engine` once
 * TF.js has picked a backend; the shell fills `gpuRenderer` from WebGL.
 * `null` means "not known yet" (the status bar shows "—").
 */
export interface RuntimeState {
  /** TF.js backend in use: `webgl`, `wasm`, `cpu`. */
  readonly backend: string | null;
  /** Why this backend was chosen (e.g. `webgl-unavailable`), when it is not the first choice. */
  readonly backendReason: string | null;
  /** Engine description, e.g. `TensorFlow.js 4.22.0`. */
  readonly engine: string | null;
  /** Who trains: LayerLab's own engine (TF.js then only serves inspection), TF.js, or not known yet. */
  readonly trainingEngine: 'layerlab' | 'tfjs' | null;
  /** Cores LayerLab's engine trains on (its data-parallel workers); null when TF.js trains or not known yet. */
  readonly trainingCores: number | null;
  /** WebGL UNMASKED_RENDERER string (shows SwiftShader when rendering is in software). */
  readonly gpuRenderer: string | null;
  /** Progress of the long task under way (training), 0..1, for the taskbar; null when idle. */
  readonly taskProgress: number | null;
}

export const useRuntimeStore = create<RuntimeState>()(() => ({
  backend: null,
  backendReason: null,
  engine: null,
  trainingEngine: null,
  trainingCores: null,
  gpuRenderer: null,
  taskProgress: null,
}));

/** Merges known runtime facts; callers pass only what they learned. */
export function setRuntimeInfo(patch: Partial<RuntimeState>): void {
  useRuntimeStore.setState(patch);
}
