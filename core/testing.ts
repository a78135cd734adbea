/**
 * Test support shared by core's and the renderer's tests (`@core/testing`,
 * mapped in vitest.config.ts only): never part of the app bundle.
 */
export { inProcessParallel } from './engine/testing/in-process-peers';
export { buildChain } from './fixtures/build-graph';
