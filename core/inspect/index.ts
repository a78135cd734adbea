// Public surface of core/inspect (re-exported by core/index.ts).
export {};
