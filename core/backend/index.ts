// Public surface of core/backend (re-exported by core/index.ts).
export { initBackend, restartAfterContextLoss } from './init-backend';
export type { BackendEnv, BackendInfo, BackendName, BackendReason } from './init-backend';
export { registerLayerLabKernels, layerLabKernelNames } from './register-kernels';
export { isSoftwareRenderer } from './renderer-kind';
export { chooseBackend, describeAdapter, isSoftwareAdapter } from './backend-policy';
export type {
  GraphicsOffer,
  PolicyBackend,
  PolicyReason,
  WebgpuAdapterFacts,
} from './backend-policy';
export {
  liveTensorCount,
  loseWebglContextForTesting,
  tfjsVersion,
  watchWebglContextLoss,
} from './context-loss';
