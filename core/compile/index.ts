// Public surface of core/compile (re-exported by core/index.ts).
export {};
