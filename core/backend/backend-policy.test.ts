import { describe, expect, it } from 'vitest';

import {
  chooseBackend,
  describeAdapter,
  isSoftwareAdapter,
  probeWebgpuAdapter,
  type WebgpuAdapterFacts,
} from './backend-policy';

const adapter = (
  vendor: string,
  architecture: string,
  description = '',
  isFallbackAdapter = false,
): WebgpuAdapterFacts => ({ vendor, architecture, description, isFallbackAdapter });

// What headless Chromium reports here with --use-webgpu-adapter=swiftshader (probed 2026-12).
const swiftshader = adapter('google', 'swiftshader', '', true);
const nvidia = adapter('nvidia', 'ampere', 'NVIDIA GeForce RTX 3060');
const swiftshaderGl =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const intelGl = 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)';

describe('isSoftwareAdapter', () => {
  const cases: [string, WebgpuAdapterFacts, boolean][] = [
    ['SwiftShader (fallback flag and name)', swiftshader, true],
    ['a fallback adapter with no name', adapter('', '', '', true), true],
    ['SwiftShader named but not flagged', adapter('google', 'swiftshader'), true],
    ['llvmpipe', adapter('mesa', '', 'llvmpipe (LLVM 15.0.6, 256 bits)'), true],
    ['lavapipe', adapter('mesa', 'lavapipe'), true],
    ['an NVIDIA GPU', nvidia, false],
    ['an Apple GPU', adapter('apple', 'metal-3'), false],
    ['an Intel GPU with an empty description', adapter('intel', 'gen-12lp'), false],
  ];
  for (const [name, facts, software] of cases)
    it(`${software ? 'flags' : 'accepts'} ${name}`, () =>
      expect(isSoftwareAdapter(facts)).toBe(software));
});

describe('chooseBackend (the policy for Automatic)', () => {
  const cases: [string, Parameters<typeof chooseBackend>[0], string, string][] = [
    [
      'a real WebGPU adapter',
      { webgpu: nvidia, webglRenderer: intelGl },
      'webgpu',
      'webgpu-gpu-adapter',
    ],
    [
      'a real WebGPU adapter without WebGL',
      { webgpu: nvidia, webglRenderer: null },
      'webgpu',
      'webgpu-gpu-adapter',
    ],
    [
      'no WebGPU, WebGL on a GPU',
      { webgpu: null, webglRenderer: intelGl },
      'webgl',
      'gpu-renderer',
    ],
    [
      'software WebGPU, WebGL on a GPU',
      { webgpu: swiftshader, webglRenderer: intelGl },
      'webgl',
      'gpu-renderer',
    ],
    [
      'no WebGPU, WebGL not probed (checked once it runs)',
      { webgpu: null, webglRenderer: undefined },
      'webgl',
      'gpu-renderer',
    ],
    [
      'SwiftShader everywhere (this CI)',
      { webgpu: swiftshader, webglRenderer: swiftshaderGl },
      'wasm',
      'software-renderer',
    ],
    [
      'no WebGPU, software WebGL',
      { webgpu: null, webglRenderer: 'llvmpipe (LLVM 15.0.6, 256 bits)' },
      'wasm',
      'software-renderer',
    ],
    [
      'software WebGPU, no WebGL',
      { webgpu: swiftshader, webglRenderer: null },
      'wasm',
      'software-renderer',
    ],
    [
      'no graphics at all (Node)',
      { webgpu: null, webglRenderer: null },
      'wasm',
      'webgl-unavailable',
    ],
  ];
  for (const [name, offer, backend, reason] of cases)
    it(`${name} → ${backend} (${reason})`, () =>
      expect(chooseBackend(offer)).toEqual({ backend, reason }));
});

describe('describeAdapter', () => {
  it('joins the non-empty facts', () => {
    expect(describeAdapter(swiftshader)).toBe('google · swiftshader');
    expect(describeAdapter(nvidia)).toBe('nvidia · ampere · NVIDIA GeForce RTX 3060');
  });
});

describe('probeWebgpuAdapter', () => {
  it('reads adapter.info, where Chromium puts isFallbackAdapter', async () => {
    const gpu = {
      requestAdapter: () =>
        Promise.resolve({
          info: {
            vendor: 'google',
            architecture: 'swiftshader',
            description: '',
            isFallbackAdapter: true,
          },
        }),
    };
    expect(await probeWebgpuAdapter(gpu)).toEqual(swiftshader);
  });

  it('falls back to requestAdapterInfo() and adapter.isFallbackAdapter (older Chromium)', async () => {
    const gpu = {
      requestAdapter: () =>
        Promise.resolve({
          isFallbackAdapter: false,
          requestAdapterInfo: () =>
            Promise.resolve({
              vendor: 'nvidia',
              architecture: 'ampere',
              description: 'NVIDIA GeForce RTX 3060',
            }),
        }),
    };
    expect(await probeWebgpuAdapter(gpu)).toEqual(nvidia);
  });

  it('is null without navigator.gpu, without an adapter, or when the request throws', async () => {
    expect(await probeWebgpuAdapter(undefined)).toBeNull();
    expect(await probeWebgpuAdapter({ requestAdapter: () => Promise.resolve(null) })).toBeNull();
    expect(
      await probeWebgpuAdapter({ requestAdapter: () => Promise.reject(new Error('blocked')) }),
    ).toBeNull();
  });
});
