import type { Params } from '../graph/types';
import type { Translated } from '../validate/diagnostic';
import type { LayerKind } from './capabilities';
import { activationKind } from './kinds/activation/index';
import { batchNormalizationKind } from './kinds/batch-normalization/index';
import { conv1dKind } from './kinds/conv1d/index';
import { conv2dKind } from './kinds/conv2d/index';
import { denseKind } from './kinds/dense/index';
import { dropoutKind } from './kinds/dropout/index';
import { embeddingKind } from './kinds/embedding/index';
import { flattenKind } from './kinds/flatten/index';
import { globalAveragePooling2dKind } from './kinds/global-average-pooling2d/index';
import { imageInputKind } from './kinds/image-input/index';
import { addKind, concatenateKind } from './kinds/merge/index';
import { averagePooling2dKind, maxPooling2dKind } from './kinds/pooling2d/index';
import { gruKind, lstmKind, simpleRnnKind } from './kinds/recurrent/index';
import { outputHeadKind } from './kinds/output-head/index';
import { reshapeKind } from './kinds/reshape/index';
import { sequenceInputKind } from './kinds/sequence-input/index';
import { softmaxKind } from './kinds/softmax/index';
import { vectorInputKind } from './kinds/vector-input/index';
import type { LayerFamily, LayerSpec } from './spec';

/**
 * Every layer kind LayerLab offers, in palette order: its LayerSpec and what
 * each capability (TF.js, engine, PyTorch export, import, inspection) does
 * with it. An explicit list rather than TF.js's side-effect class registry:
 * deterministic, and the whole catalog is visible here.
 */
export const layerKinds: readonly LayerKind[] = [
  imageInputKind,
  sequenceInputKind,
  vectorInputKind,
  denseKind,
  dropoutKind,
  flattenKind,
  reshapeKind,
  activationKind,
  softmaxKind,
  conv2dKind,
  conv1dKind,
  maxPooling2dKind,
  averagePooling2dKind,
  globalAveragePooling2dKind,
  batchNormalizationKind,
  simpleRnnKind,
  lstmKind,
  gruKind,
  embeddingKind,
  addKind,
  concatenateKind,
  outputHeadKind,
];

/** The LayerSpec of every kind, in palette order. */
export const layerCatalog: readonly LayerSpec[] = layerKinds.map((k) => k.spec);

/** Palette groups in display order. */
export const layerFamilies: readonly LayerFamily[] = [
  'input',
  'core',
  'activation',
  'convolution',
  'pooling',
  'normalization',
  'recurrent',
  'embedding',
  'merge',
];

/** Palette group headings in both languages. */
export const layerFamilyLabels: Readonly<Record<LayerFamily, Translated>> = {
  input: { en: 'Inputs', 'zh-CN': '输入' },
  core: { en: 'Core', 'zh-CN': '基础层' },
  activation: { en: 'Activations', 'zh-CN': '激活' },
  convolution: { en: 'Convolution', 'zh-CN': '卷积' },
  pooling: { en: 'Pooling', 'zh-CN': '池化' },
  normalization: { en: 'Normalization', 'zh-CN': '归一化' },
  recurrent: { en: 'Recurrent', 'zh-CN': '循环' },
  embedding: { en: 'Embedding', 'zh-CN': '嵌入' },
  merge: { en: 'Merge', 'zh-CN': '合并' },
};

const specsByKind: ReadonlyMap<string, LayerSpec> = new Map(layerCatalog.map((s) => [s.kind, s]));
const kindsByName: ReadonlyMap<string, LayerKind> = new Map(
  layerKinds.map((k) => [k.spec.kind, k]),
);
const kindsByTfClass: ReadonlyMap<string, LayerKind> = new Map(
  layerKinds
    .filter((k) => k.spec.family !== 'input')
    .flatMap((k) => k.tfjs.classNames.map((c) => [c, k] as const)),
);

/** The record of a kind (`'Dense'`): its spec and capabilities; undefined for an unknown kind. */
export function getLayerKind(kind: string): LayerKind | undefined {
  return kindsByName.get(kind);
}

/**
 * The kind a TF.js model layer was built from, by its class name
 * (`layer.getClassName()`, e.g. `LeakyReLU` → Activation). Undefined for
 * `InputLayer` (every capability handles inputs itself) and for classes no kind builds.
 */
export function layerKindOfTfClass(className: string): LayerKind | undefined {
  return kindsByTfClass.get(className);
}

/**
 * The kinds that read a Keras/TF.js class on import, in catalog order
 * (several for `InputLayer`: each input kind claims the inputs it describes).
 */
export function kindsImportingClass(className: string): LayerKind[] {
  return layerKinds.filter((k) => k.import.supported && k.import.classNames.includes(className));
}

/** The spec of a kind (`'Dense'`), or undefined for a kind this version does not know. */
export function getLayerSpec(kind: string): LayerSpec | undefined {
  return specsByKind.get(kind);
}

/** A fresh params record holding every param's default; `{}` for an unknown kind. */
export function defaultParams(kind: string): Params {
  const spec = specsByKind.get(kind);
  if (!spec) return {};
  return Object.fromEntries(spec.params.map((p) => [p.name, p.default]));
}

/** True for the kinds that start a network (ImageInput, SequenceInput, VectorInput). */
export function isInputKind(kind: string): boolean {
  return specsByKind.get(kind)?.family === 'input';
}

/** Specs of one palette family, in catalog order. */
export function specsInFamily(family: LayerFamily): LayerSpec[] {
  return layerCatalog.filter((s) => s.family === family);
}
