// Public surface of core/backend (re-exported by core/index.ts).
export { initBackend, restartAfterContextLoss } from './init-backend';
export type { BackendEnv, BackendInfo, BackendName, BackendReason } from './init-backend';
export { registerLayerLabKernels, layerLabKernelNames } from './register-kernels';
export { isSoftwareRenderer } from './renderer-kind';
export {
  adapterFacts,
  chooseBackend,
  describeAdapter,
  isSoftwareAdapter,
  probeWebgpuAdapter,
} from './backend-policy';
export type {
  GpuAdapterLike,
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
