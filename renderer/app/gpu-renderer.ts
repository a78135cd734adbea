/**
 * The GPU renderer string WebGL reports (UNMASKED_RENDERER_WEBGL), so a
 * software renderer such as SwiftShader is visible to the user. Returns null
 * when WebGL is unavailable; the context is released right away.
 */
export function readGpuRenderer(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ??
      canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info
      ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL)
      : gl.getParameter(gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof renderer === 'string' && renderer.length > 0 ? renderer : null;
  } catch {
    return null;
  }
}

/** True when the renderer string names a software rasteriser (training will be slow). */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|software|basic render/i.test(renderer);
}
