import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { BackendInfo } from '../core/backend/init-backend';
import type { ParityModel, ParityRun } from './webgpu-page/page';
import { openWebgpuPage, swiftshaderWebgpuArgs } from './webgpu-page/open-webgpu-page';

/**
 * TF.js's WebGPU backend, started through core's `initBackend('webgpu')`, on
 * SwiftShader's WebGPU adapter in headless Chromium (no GPU needed, so it runs
 * in CI): gradients of a small CNN and a dense net equal TF.js cpu's (the
 * reference LayerLab's engine is itself tested against) within 1e-4 relative
 * to each weight's largest gradient, and 20 SGD steps follow cpu's losses.
 * Automatic must not pick this adapter: it is software.
 */
let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ page, close } = await openWebgpuPage(swiftshaderWebgpuArgs));
}, 240_000);
afterAll(async () => close?.());

const run = (backend: 'cpu' | 'webgpu', model: ParityModel): Promise<ParityRun> =>
  page.evaluate(
    (q) => (window as unknown as { runParity(q: unknown): Promise<ParityRun> }).runParity(q),
    { backend, model, steps: 20 },
  );

/** Worst difference relative to the reference's largest entry (float32 on SwiftShader rounds differently). */
function relError(got: readonly number[], want: readonly number[]): number {
  let scale = 1e-6;
  for (const v of want) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < want.length; i++)
    worst = Math.max(worst, Math.abs(got[i]! - want[i]!) / scale);
  return worst;
}

describe('TF.js WebGPU on SwiftShader against cpu', () => {
  it('Automatic does not take SwiftShader’s adapter (software) and says why', async () => {
    const { info, adapter } = await page.evaluate(() =>
      (
        window as unknown as { autoChoice(): Promise<{ info: BackendInfo; adapter: unknown }> }
      ).autoChoice(),
    );
    expect(adapter).toMatchObject({ isFallbackAdapter: true, architecture: 'swiftshader' });
    expect(info).toMatchObject({ backend: 'wasm', reason: 'software-renderer', requested: 'auto' });
  });

  for (const model of ['cnn', 'dense'] as const)
    it(`${model}: gradients within 1e-4 and 20 SGD steps follow cpu`, async () => {
      const cpu = await run('cpu', model);
      const gpu = await run('webgpu', model);
      expect(cpu.info.backend).toBe('cpu');
      // Forced explicitly: the policy would not choose it.
      expect(gpu.info).toMatchObject({ backend: 'webgpu', reason: 'requested' });
      expect(gpu.grads.map((g) => g.length)).toEqual(cpu.grads.map((g) => g.length));
      const errors = gpu.grads.map((g, i) => relError(g, cpu.grads[i]!));
      expect(Math.max(...errors), `per weight: ${errors.join(', ')}`).toBeLessThan(1e-4);
      // Non-trivial gradients: a zero gradient would agree with anything.
      for (const g of cpu.grads) expect(Math.max(...g.map(Math.abs))).toBeGreaterThan(1e-4);
      expect(gpu.losses).toHaveLength(20);
      for (let i = 0; i < 20; i++)
        expect(Math.abs(gpu.losses[i]! - cpu.losses[i]!), `step ${i}`).toBeLessThan(
          1e-3 * Math.max(1, cpu.losses[i]!),
        );
      // The run learns (same 4 batches cycled).
      expect(cpu.losses[19]!).toBeLessThan(cpu.losses[0]!);
    }, 240_000);
});
