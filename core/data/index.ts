// Public surface of core/data (re-exported by core/index.ts).
export {};
