import { create } from 'zustand';

import type { EngineFacts } from '../app/training-backend';

/**
 * Runtime facts about the compute engine, shown in the status bar.
 * The training worker fills `backend` and `engine` once
 * TF.js has picked a backend; the shell fills `gpuRenderer` from WebGL.
 * `null` means "not known yet" (the status bar shows "—").
 */
export interface RuntimeState {
  /** TF.js backend in use: `webgl`, `wasm`, `cpu`. */
  readonly backend: string | null;
  /** What the training worker said about its engine and backend (worded by the status bar). */
  readonly engine: EngineFacts | null;
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
