// The engine's wasm module: every kernel, over memory the host provides
// (--importMemory). No allocation happens in here; core/engine/memory-plan.ts
// lays out all buffers once, so memory never grows during training.
export * from './gemm';
export * from './conv';
export * from './pool';
export * from './elementwise';
export * from './loss';
export * from './optimizers';
export * from './batch-norm';
export * from './recurrent';
export * from './sparse';
