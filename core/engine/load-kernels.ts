import type { EngineKernels, WasmMemory } from './kernel-abi';

/** The WebAssembly API as the engine uses it (present in every browser, worker and Node). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }>;
}

const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** Which compiled build of the kernels to load. */
export type EngineBuild = 'relaxed-simd' | 'simd';

/** File names of the builds under core/engine/build/ (written by `npm run build:wasm`). */
export const engineBuildFiles: Readonly<Record<EngineBuild, string>> = {
  'relaxed-simd': 'engine-relaxed.wasm',
  simd: 'engine-simd.wasm',
};

// A module with one function returning f32x4.relaxed_madd of three v128 constants.
const relaxedProbe = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00,
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7b,
  0x03,
  0x02,
  0x01,
  0x00,
  0x0a,
  0x3d,
  0x01,
  0x3b,
  0x00,
  0xfd,
  0x0c,
  ...new Array<number>(16).fill(0),
  0xfd,
  0x0c,
  ...new Array<number>(16).fill(0),
  0xfd,
  0x0c,
  ...new Array<number>(16).fill(0),
  0xfd,
  0x85,
  0x02,
  0x0b,
]);

// The same without relaxed SIMD: returns a v128 constant (plain SIMD only).
const simdProbe = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00,
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7b,
  0x03,
  0x02,
  0x01,
  0x00,
  0x0a,
  0x16,
  0x01,
  0x14,
  0x00,
  0xfd,
  0x0c,
  ...new Array<number>(16).fill(0),
  0x0b,
]);

/**
 * The best build this runtime can run: relaxed SIMD where it validates
 * (Chromium/Electron; Node 20 only with --experimental-wasm-relaxed-simd),
 * else plain SIMD, else null (no SIMD at all: the engine is unavailable).
 */
export function detectEngineBuild(): EngineBuild | null {
  if (!wasmApi) return null;
  if (wasmApi.validate(relaxedProbe)) return 'relaxed-simd';
  if (wasmApi.validate(simdProbe)) return 'simd';
  return null;
}

const pageBytes = 65536;

/**
 * Instantiates the kernels over a fresh memory of `initialBytes` (rounded up
 * to pages). The module allocates nothing itself: callers lay out buffers
 * with `createArena`, which grows this memory once.
 */
export async function instantiateKernels(
  wasm: Uint8Array,
  initialBytes = 1 << 20,
): Promise<EngineKernels> {
  if (!wasmApi) throw new Error('WebAssembly is not available');
  const memory = new wasmApi.Memory({
    initial: Math.ceil(initialBytes / pageBytes),
    maximum: 32768,
  });
  const { instance } = await wasmApi.instantiate(wasm, { env: { memory } });
  return { ...(instance.exports as unknown as Omit<EngineKernels, 'memory'>), memory };
}
