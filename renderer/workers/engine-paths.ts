import type { EngineBuild } from '@core';

/**
 * URLs of LayerLab's own training-engine builds (core/engine, issue 9),
 * bundled by Vite as local assets like the TF.js wasm files. They exist after
 * `npm run build:wasm` (`npm run build` runs it first).
 */
export const engineWasmPaths: Readonly<Record<EngineBuild, string>> = {
  'relaxed-simd': new URL('../../core/engine/build/engine-relaxed.wasm', import.meta.url).href,
  simd: new URL('../../core/engine/build/engine-simd.wasm', import.meta.url).href,
};
