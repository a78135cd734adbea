/**
 * The public surface of core/: the only module renderer/ may import (as `@core`).
 * Each area keeps its own index; add exports there, not here.
 */
export * from './result';
export * from './contract/index';
export * from './graph/index';
export * from './layers/index';
export * from './shapes/index';
export * from './validate/index';
export * from './io/index';
export * from './data/index';
export * from './compile/index';
export * from './train/index';
export * from './inspect/index';
export * from './labs/index';
export * from './backend/index';
export * from './engine/index';
export * from './packs/index';
