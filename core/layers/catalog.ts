import type { Params } from '../graph/types';
import type { Translated } from '../validate/diagnostic';
import { activationSpec } from './kinds/activation';
import { batchNormalizationSpec } from './kinds/batch-normalization';
import { conv2dSpec } from './kinds/conv2d';
import { denseSpec } from './kinds/dense';
import { dropoutSpec } from './kinds/dropout';
import { embeddingSpec } from './kinds/embedding';
import { flattenSpec } from './kinds/flatten';
import { globalAveragePooling2dSpec } from './kinds/global-average-pooling2d';
import { imageInputSpec } from './kinds/image-input';
import { addSpec, concatenateSpec } from './kinds/merge';
import { averagePooling2dSpec, maxPooling2dSpec } from './kinds/pooling2d';
import { gruSpec, lstmSpec, simpleRnnSpec } from './kinds/recurrent';
import { reshapeSpec } from './kinds/reshape';
import { sequenceInputSpec } from './kinds/sequence-input';
import { softmaxSpec } from './kinds/softmax';
import { vectorInputSpec } from './kinds/vector-input';
import type { LayerFamily, LayerSpec } from './spec';

/**
 * Every layer kind LayerLab offers, in palette order. An explicit list rather
 * than TF.js's side-effect class registry: deterministic, and the whole
 * catalog is visible here.
 */
export const layerCatalog: readonly LayerSpec[] = [
  imageInputSpec,
  sequenceInputSpec,
  vectorInputSpec,
  denseSpec,
  dropoutSpec,
  flattenSpec,
  reshapeSpec,
  activationSpec,
  softmaxSpec,
  conv2dSpec,
  maxPooling2dSpec,
  averagePooling2dSpec,
  globalAveragePooling2dSpec,
  batchNormalizationSpec,
  simpleRnnSpec,
  lstmSpec,
  gruSpec,
  embeddingSpec,
  addSpec,
  concatenateSpec,
];

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
