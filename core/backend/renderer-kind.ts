/**
 * Whether a WebGL renderer string names a software rasteriser rather than a
 * GPU. On such renderers TF.js's webgl backend is ~10× slower than wasm for a
 * CNN and freezes the window's compositing (docs/perf-baseline).
 *
 * @example isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)') // true
 */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|microsoft basic render|basic render driver|mesa offscreen|lavapipe/i.test(
    renderer,
  );
}
