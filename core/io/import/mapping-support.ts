/**
 * What a kind's import mapping (`core/layers/kinds/<kind>/import.ts`) builds
 * on: reading a Keras/TF.js layer config (snake_case keys) and refusing, with
 * the layer named, a setting the kind cannot express.
 */
import type { Params, ParamValue } from '../../graph/types';
import { err, ok } from '../../result';
import type { Result } from '../../result';
import { importError } from './import-error';
import type { ImportError } from './import-error';
import type { TopologyLayer } from './topology';

type Config = TopologyLayer['config'];

/** Keras/TF.js activation identifiers the catalog offers inside layers (`layerActivations`). */
export const importableActivations: Readonly<Record<string, string>> = {
  linear: 'linear',
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  elu: 'elu',
};

/** The refusal for a setting the catalog kind cannot express: importing it would change predictions. */
export function unsupportedSetting(layer: TopologyLayer, what: string): Result<never, ImportError> {
  return err(
    importError(
      'import-unsupported-config',
      `Layer "${layer.name}" (${layer.className}) uses ${what}, which LayerLab's ${layer.className} cannot express; importing it would change its predictions.`,
      layer.name,
    ),
  );
}

/** A finite number from the config, or `fallback`. */
export function num(config: Config, key: string, fallback: number): number {
  const v = config[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** A boolean from the config, or `fallback`. */
export function bool(config: Config, key: string, fallback: boolean): boolean {
  const v = config[key];
  return typeof v === 'boolean' ? v : fallback;
}

/** `3` or `[3, 3]` → `[3, 3]` (Keras accepts both for kernel_size, strides, pool_size). */
export function pair(
  config: Config,
  key: string,
  fallback: readonly [number, number],
): readonly number[] {
  const v = config[key];
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number'))
    return v as number[];
  return fallback;
}

/** True for channels-last data (the only format LayerLab builds). */
export function channelsLast(layer: TopologyLayer): boolean {
  const format = layer.config['data_format'];
  return (
    format === undefined ||
    format === null ||
    format === 'channels_last' ||
    format === 'channelsLast'
  );
}

/** `params` plus the layer's `activation`, refused when the catalog does not offer it. */
export function withActivation(
  layer: TopologyLayer,
  params: Record<string, ParamValue>,
): Result<Params, ImportError> {
  const raw = layer.config['activation'] ?? 'linear';
  const mapped = importableActivations[typeof raw === 'string' ? raw : ''];
  return mapped === undefined
    ? unsupportedSetting(layer, `activation "${String(raw)}"`)
    : ok({ ...params, activation: mapped });
}

/** The layer's input batch shape (`batch_input_shape`, Keras 3 `batch_shape`), or null. */
export function batchShape(layer: TopologyLayer): (number | null)[] | null {
  const v = layer.config['batch_input_shape'] ?? layer.config['batch_shape'];
  return Array.isArray(v) ? (v as (number | null)[]) : null;
}

/** The per-sample sizes of an InputLayer, or null when one is unknown. */
export function inputDims(layer: TopologyLayer): number[] | null {
  const shape = batchShape(layer);
  if (shape === null || shape.slice(1).some((d) => typeof d !== 'number')) return null;
  return shape.slice(1) as number[];
}
