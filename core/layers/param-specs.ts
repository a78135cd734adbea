import type { ParamValue } from '../graph/types';
import type { Translated } from '../validate/diagnostic';
import type { ParamSpec } from './spec';

/**
 * Small builders for `ParamSpec`s, so each layer file reads like a table.
 * The shared params (activation, padding, useBias…) are defined once here so
 * every layer describes them with the same words.
 */

type Extra = Partial<Omit<ParamSpec, 'name' | 'type' | 'default' | 'label' | 'description'>>;

function t(en: string, zh: string): Translated {
  return { en, 'zh-CN': zh };
}

/** An integer parameter with inclusive bounds. */
export function intParam(
  name: string,
  def: number | null,
  label: Translated,
  description: Translated,
  min: number,
  max: number,
  extra: Extra = {},
): ParamSpec {
  return { name, type: 'int', default: def, label, description, min, max, ...extra };
}

/** A real-valued parameter with inclusive bounds. */
export function floatParam(
  name: string,
  def: number,
  label: Translated,
  description: Translated,
  min: number,
  max: number,
  extra: Extra = {},
): ParamSpec {
  return { name, type: 'float', default: def, label, description, min, max, ...extra };
}

/** A yes/no parameter. */
export function boolParam(
  name: string,
  def: boolean,
  label: Translated,
  description: Translated,
  extra: Extra = {},
): ParamSpec {
  return { name, type: 'bool', default: def, label, description, ...extra };
}

/** One of a fixed list of strings (TF.js identifiers, never translated). */
export function enumParam(
  name: string,
  def: string,
  options: readonly string[],
  label: Translated,
  description: Translated,
  extra: Extra = {},
): ParamSpec {
  return { name, type: 'enum', default: def, options, label, description, ...extra };
}

/** A list of integers such as `kernelSize: [3, 3]`; bounds apply to every entry. */
export function intListParam(
  name: string,
  def: readonly number[] | null,
  label: Translated,
  description: Translated,
  min: number,
  max: number,
  extra: Extra = {},
): ParamSpec {
  return {
    name,
    type: 'intList',
    default: def as ParamValue,
    label,
    description,
    min,
    max,
    ...extra,
  };
}

export { t as translated };

/** Activation functions usable inside Dense/Conv2D/RNN layers (TF.js identifiers). */
export const layerActivations = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'elu'] as const;

/** Activation functions of the standalone Activation layer; `leakyRelu` maps to TF.js's LeakyReLU layer. */
export const standaloneActivations = [
  'sigmoid',
  'tanh',
  'relu',
  'softmax',
  'linear',
  'leakyRelu',
  'elu',
] as const;

/** The `activation` param shared by Dense, Conv2D and the recurrent layers. */
export function activationParam(def: string): ParamSpec {
  return enumParam(
    'activation',
    def,
    layerActivations,
    t('Activation', '激活函数'),
    t(
      'The non-linear function g applied to each output; linear means none.',
      '作用在每个输出上的非线性函数 g；linear 表示不加。',
    ),
    { key: true },
  );
}

export const useBiasParam: ParamSpec = boolParam(
  'useBias',
  true,
  t('Use bias', '使用偏置'),
  t('Adds a learned bias b to each output.', '为每个输出加上一个可学习的偏置 b。'),
);

export const paddingParam: ParamSpec = enumParam(
  'padding',
  'valid',
  ['valid', 'same'],
  t('Padding', '填充'),
  t(
    'valid: no padding, the output shrinks; same: pad so the output keeps the size (divided by the stride).',
    'valid：不填充，输出变小；same：填充使输出尺寸不变（再除以步长）。',
  ),
);

export function stridesParam(def: readonly number[]): ParamSpec {
  return intListParam(
    'strides',
    def,
    t('Strides', '步长'),
    t(
      'How far the window moves each step, as [rows, columns].',
      '窗口每次移动的距离，格式为 [行, 列]。',
    ),
    1,
    64,
    { length: 2 },
  );
}

export const poolSizeParam: ParamSpec = intListParam(
  'poolSize',
  [2, 2],
  t('Pool size', '池化窗口'),
  t(
    'Size of the window summarised into one value, as [rows, columns].',
    '汇总成一个值的窗口大小，格式为 [行, 列]。',
  ),
  1,
  64,
  { length: 2, key: true },
);

export const unitsFromDatasetParam: ParamSpec = boolParam(
  'unitsFromDataset',
  false,
  t('Units follow the dataset', '单元数跟随数据集'),
  t(
    'When a dataset is attached, units equal its number of classes.',
    '连接数据集后，单元数自动等于类别数。',
  ),
);
