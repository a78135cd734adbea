// Public surface of core/io/import (re-exported by core/io/index.ts).
export type { ImportError, ImportErrorCode } from './import-error';
export type { Topology, TopologyLayer } from './topology';
export { parseTopology } from './topology';
export type { NamedWeight, ReadWeights, WeightSpecEntry } from './weights';
export { maxWeightValues, readWeights, resolveShardPath } from './weights';
export type { ModelFiles, ModelFolder } from './model-folder';
export { folderArtifacts, loadModelFolder, readModelFolder } from './model-folder';
export type { MappedLayer } from './layer-mapping';
export { importableClassNames, mapLayer } from './layer-mapping';
export type { WeightSet } from './weight-set';
export { applyWeightSet, groupWeightsByLayer } from './weight-set';
export type { ImportedModel } from './import-model';
export { importLayersModel } from './import-model';
