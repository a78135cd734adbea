import type { EngineKernels } from './kernel-abi';

// The module's own static data (math tables) lives below 64 KiB.
const arenaStart = 65536;
const pageBytes = 65536;

/**
 * A bump allocator over the kernels' memory. Every buffer is reserved while
 * planning; `commit` grows the memory once, after which views stay valid and
 * memory cannot grow during training (growing would detach the views).
 */
export class Arena {
  private top = arenaStart;
  private committed = false;

  constructor(private readonly kernels: EngineKernels) {}

  /** Reserves `floats` 4-byte values, 64-byte aligned; returns the byte offset. */
  alloc(floats: number): number {
    if (this.committed) throw new Error('arena: allocation after commit');
    const at = this.top;
    this.top += Math.ceil((floats * 4) / 64) * 64;
    return at;
  }

  /** Grows the memory to hold everything reserved. */
  commit(): void {
    const need =
      Math.ceil(this.top / pageBytes) - this.kernels.memory.buffer.byteLength / pageBytes;
    if (need > 0) this.kernels.memory.grow(need);
    this.committed = true;
  }

  /** Bytes reserved so far. */
  get bytes(): number {
    return this.top;
  }

  f32(at: number, length: number): Float32Array {
    return new Float32Array(this.kernels.memory.buffer, at, length);
  }

  i32(at: number, length: number): Int32Array {
    return new Int32Array(this.kernels.memory.buffer, at, length);
  }
}
