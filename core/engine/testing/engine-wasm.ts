import { inject } from 'vitest';

import { detectEngineBuild, type EngineBuild } from '../load-kernels';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Both kernel builds, base64, from scripts/build-wasm.ts's global setup. */
    engineWasm: Record<EngineBuild, string>;
  }
}

function decodeBase64(text: string): Uint8Array {
  const binary = (globalThis as unknown as { atob(s: string): string }).atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The kernel build this test process can run (plain SIMD under Node without the relaxed-SIMD flag). */
export function engineBuildForTests(): EngineBuild {
  const build = detectEngineBuild();
  if (build === null) throw new Error('this runtime has no wasm SIMD');
  return build;
}

/** The wasm bytes of `build` (default: the best this process runs). */
export function engineWasmForTests(build: EngineBuild = engineBuildForTests()): Uint8Array {
  return decodeBase64(inject('engineWasm')[build]);
}
