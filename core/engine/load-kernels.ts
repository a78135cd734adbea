import type { EngineKernels, WasmMemory } from './kernel-abi';
import { kernelArity } from './kernel-exports';
import type { KernelExports } from './kernel-exports';

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

/**
 * Tiny probe modules for feature detection: one function `() -> v128` whose
 * body is a code section of `bodySize` bytes. Header: magic, version, one
 * type `[] -> [v128]`, one function of that type.
 */
function probeModule(body: readonly number[]): Uint8Array {
  // prettier-ignore
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, 0x03, 0x02, 0x01, 0x00];
  const functionBody = [0x00, ...body, 0x0b]; // no locals, instructions, end
  const code = [0x01, functionBody.length, ...functionBody]; // one body, with its size
  return new Uint8Array([...header, 0x0a, code.length, ...code]);
}

/** `v128.const` of sixteen zero bytes. */
const v128Zero = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];

/** Returns `f32x4.relaxed_madd` of three v128 constants: validates only with relaxed SIMD. */
const relaxedProbe = probeModule([...v128Zero, ...v128Zero, ...v128Zero, 0xfd, 0x85, 0x02]);

/** Returns a v128 constant: validates with plain SIMD. */
const simdProbe = probeModule(v128Zero);

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
  return { ...checkKernelExports(instance.exports), memory };
}

/**
 * The module's exports as `KernelExports`, after checking that every kernel
 * `kernel-exports.ts` declares is a function taking that many parameters
 * (a wasm function's `length` is its parameter count). Throws, naming every
 * mismatch, for a build older or newer than the TypeScript that calls it.
 */
export function checkKernelExports(exports: object): KernelExports {
  const found = exports as Record<string, unknown>;
  const problems: string[] = [];
  for (const [name, arity] of Object.entries(kernelArity)) {
    const fn = found[name];
    if (typeof fn !== 'function') problems.push(`${name} is missing`);
    else if (fn.length !== arity)
      problems.push(`${name} takes ${fn.length} parameters, not ${arity}`);
  }
  if (problems.length > 0)
    throw new Error(
      `The engine's wasm build does not match core/engine/kernel-exports.ts (${problems.join('; ')}); run npm run build:wasm`,
    );
  return exports as KernelExports;
}
