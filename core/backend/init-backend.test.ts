import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { initBackend } from './init-backend';
import { isSoftwareRenderer } from './renderer-kind';

const wasmPaths = decodeURIComponent(
  new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).pathname,
);

describe('isSoftwareRenderer', () => {
  const cases: [string, boolean][] = [
    [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      true,
    ],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', true],
    ['ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)', true],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', false],
    ['Apple M2', false],
    ['Mesa Intel(R) UHD Graphics 620 (KBL GT2)', false],
  ];
  for (const [renderer, software] of cases) {
    it(`${software ? 'flags' : 'accepts'} ${renderer}`, () =>
      expect(isSoftwareRenderer(renderer)).toBe(software));
  }
});

describe('initBackend (Node: no WebGL)', () => {
  it('auto with a software WebGL renderer picks WASM and says why', async () => {
    const info = await initBackend('auto', { wasmPaths, webglRenderer: 'SwiftShader Device' });
    expect(info).toMatchObject({
      backend: 'wasm',
      reason: 'software-renderer',
      requested: 'auto',
      renderer: 'SwiftShader Device',
    });
    expect(info.simd).toBe(true);
    expect(info.threads).toBe(1);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('auto without WebGL picks WASM', async () => {
    expect(await initBackend('auto', { wasmPaths, webglRenderer: null })).toMatchObject({
      backend: 'wasm',
      reason: 'webgl-unavailable',
    });
  });

  it('auto finds out itself that WebGL cannot start, reading back the real backend', async () => {
    expect(await initBackend('auto', { wasmPaths })).toMatchObject({
      backend: 'wasm',
      reason: 'webgl-unavailable',
    });
  });

  it('an explicit WebGL request that cannot start falls back and says so', async () => {
    const info = await initBackend('webgl', { wasmPaths });
    expect(info).toMatchObject({
      backend: 'wasm',
      reason: 'requested-unavailable',
      requested: 'webgl',
    });
    expect(tf.getBackend()).toBe('wasm');
  });

  it('auto with a real WebGPU adapter tries WebGPU first, and Node (no navigator.gpu) falls back to WASM', async () => {
    const info = await initBackend('auto', {
      wasmPaths,
      webglRenderer: null,
      webgpuAdapter: {
        isFallbackAdapter: false,
        vendor: 'nvidia',
        architecture: 'ampere',
        description: '',
      },
    });
    expect(info).toMatchObject({ backend: 'wasm', reason: 'webgl-unavailable', requested: 'auto' });
  });

  it('auto with a software WebGPU adapter (SwiftShader) does not take it', async () => {
    const info = await initBackend('auto', {
      wasmPaths,
      webglRenderer: null,
      webgpuAdapter: {
        isFallbackAdapter: true,
        vendor: 'google',
        architecture: 'swiftshader',
        description: '',
      },
    });
    expect(info).toMatchObject({ backend: 'wasm', reason: 'software-renderer' });
  });

  it('an explicit WebGPU request that cannot start (Node) falls back and says so', async () => {
    const info = await initBackend('webgpu', { wasmPaths });
    expect(info).toMatchObject({
      backend: 'wasm',
      reason: 'requested-unavailable',
      requested: 'webgpu',
    });
  });

  it('honours an explicit cpu request', async () => {
    expect(await initBackend('cpu')).toMatchObject({
      backend: 'cpu',
      reason: 'requested',
      simd: null,
    });
    expect(tf.getBackend()).toBe('cpu');
  });
});
