// Public surface of core/io (re-exported by core/index.ts).
export {};
