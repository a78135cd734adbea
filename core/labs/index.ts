// Public surface of core/labs (re-exported by core/index.ts).
export {};
