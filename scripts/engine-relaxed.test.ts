import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Run {
  losses: number[];
  grads: number[][];
}

describe('the relaxed-SIMD (fused multiply-add) engine build', () => {
  it('is detected under --experimental-wasm-relaxed-simd and trains like the plain-SIMD build', () => {
    const out = execFileSync(
      process.execPath,
      ['--experimental-wasm-relaxed-simd', '--import', 'tsx', 'scripts/engine-relaxed-probe.ts'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    const { detected, relaxed, simd } = JSON.parse(out) as {
      detected: string;
      relaxed: Run | null;
      simd: Run;
    };
    expect(detected).toBe('relaxed-simd');
    if (!relaxed) throw new Error('no relaxed run');
    relaxed.losses.forEach((l, i) =>
      expect(Math.abs(l - simd.losses[i]!) / simd.losses[i]!).toBeLessThan(1e-4),
    );
    relaxed.grads.forEach((g, t) => {
      const scale = Math.max(...simd.grads[t]!.map(Math.abs));
      const diff = Math.max(...g.map((v, i) => Math.abs(v - simd.grads[t]![i]!)));
      expect(diff / scale, `gradient ${t}`).toBeLessThan(1e-3);
    });
    expect(relaxed.losses[19]!).toBeLessThan(relaxed.losses[0]!);
  });
});
