/**
 * URLs of the tfjs-backend-wasm binaries, bundled by Vite as local assets
 * (`new URL(…, import.meta.url)` is rewritten at build time): LayerLab is
 * offline, so TF.js must never fetch them from a CDN. Keys are the file names
 * `setWasmPaths` expects.
 */
export const wasmPaths: Readonly<Record<string, string>> = {
  'tfjs-backend-wasm.wasm': new URL(
    '../../node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
    import.meta.url,
  ).href,
  'tfjs-backend-wasm-simd.wasm': new URL(
    '../../node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
    import.meta.url,
  ).href,
  'tfjs-backend-wasm-threaded-simd.wasm': new URL(
    '../../node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm',
    import.meta.url,
  ).href,
};
