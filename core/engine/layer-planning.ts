import type { EngineActivation } from './kernel-abi';
import { isEngineActivation } from './kernel-abi';
import type { EngineOp, StepMask } from './ops/op';

/** Why a model cannot be trained by the engine (stable codes; `reason` is English detail for logs and tooltips). */
export type EngineUnsupportedCode =
  | 'not-a-chain'
  | 'shared-layer'
  | 'unsupported-layer'
  | 'unsupported-setting'
  | 'unsupported-input'
  | 'unsupported-loss'
  | 'no-simd';

/** A TF.js layer as the engine planner of its kind sees it. */
export interface PlannableLayer {
  readonly name: string;
  /** TF.js class name (`getClassName()`): one of the kind's `tfjs.classNames`. */
  readonly className: string;
  /** `getConfig()`, camelCase keys. */
  readonly config: Readonly<Record<string, unknown>>;
  /** The padding mask of the layer before it (Embedding maskZero), if any. */
  readonly inMask?: StepMask;
}

/** One layer of the chain as the engine runs it, and the activation it ends with (null: none). */
export interface PlannedLayer {
  readonly op: EngineOp;
  readonly activation: EngineActivation | null;
  /** The padding mask its output carries (made or passed on), for the next layer. */
  readonly outMask?: StepMask;
  /** True when the op applies `inMask`; a mask nobody applies is refused. */
  readonly appliesMask?: boolean;
}

/**
 * Thrown by a kind's engine planner (and by the chain planner) for anything
 * the engine cannot run; `planEngineModel` turns it into `{ ok: false, code, reason }`.
 */
export class EngineUnsupported extends Error {
  constructor(
    readonly code: EngineUnsupportedCode,
    message: string,
    readonly layerName?: string,
  ) {
    super(message);
    this.name = 'EngineUnsupported';
    Object.setPrototypeOf(this, EngineUnsupported.prototype);
  }
}

type Config = PlannableLayer['config'];

/** `3` or `[3, 3]` → `[3, 3]` (TF.js configs hold both). */
export function configPair(value: unknown, fallback: number): [number, number] {
  if (Array.isArray(value))
    return [Number(value[0] ?? fallback), Number(value[1] ?? value[0] ?? fallback)];
  if (typeof value === 'number') return [value, value];
  return [fallback, fallback];
}

/** The layer's `activation`, if the engine's kernels implement it. */
export function engineActivationOf(config: Config, layer: string): EngineActivation {
  const name = config.activation ?? 'linear';
  if (!isEngineActivation(name))
    throw new EngineUnsupported(
      'unsupported-setting',
      `activation ${String(name)} is not in the engine`,
      layer,
    );
  return name;
}

/** `same` or `valid`; anything else (`causal`) is refused. */
export function enginePadding(config: Config, layer: string): 'same' | 'valid' {
  const p = config.padding ?? 'valid';
  if (p !== 'same' && p !== 'valid')
    throw new EngineUnsupported('unsupported-setting', `padding ${String(p)}`, layer);
  return p;
}

/** Refuses the config keys in `keys` that are set (regularizers and constraints the engine does not apply). */
export function rejectConfigKeys(config: Config, layer: string, keys: readonly string[]): void {
  for (const key of keys) {
    if (config[key] != null)
      throw new EngineUnsupported('unsupported-setting', `${key} is not in the engine`, layer);
  }
}
