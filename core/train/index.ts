// Public surface of core/train (re-exported by core/index.ts).
export {};
