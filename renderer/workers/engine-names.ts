import type { EngineBuild } from '@core';

/** A kernel build's short name in the status bar (technical, the same in every language). */
export function engineBuildName(build: EngineBuild): string {
  return build === 'relaxed-simd' ? 'relaxed SIMD' : 'SIMD';
}
