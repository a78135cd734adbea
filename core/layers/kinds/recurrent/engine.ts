import {
  EngineUnsupported,
  engineActivationOf,
  rejectConfigKeys,
} from '../../../engine/layer-planning';
import type { PlannableLayer, PlannedLayer } from '../../../engine/layer-planning';
import { isRecurrentActivation } from '../../../engine/kernel-abi';
import { gruOp } from '../../../engine/ops/gru';
import { lstmOp, simpleRnnOp } from '../../../engine/ops/recurrent';

type Config = PlannableLayer['config'];

/** What the engine's recurrent kernels do not do: reverse, stateful, state outputs, dropout. */
function rejectRecurrentExtras(kind: string, config: Config, name: string): void {
  if (config.returnState === true || config.goBackwards === true || config.stateful === true) {
    throw new EngineUnsupported(
      'unsupported-setting',
      `${kind} with returnState, goBackwards or stateful`,
      name,
    );
  }
  if (Number(config.dropout ?? 0) !== 0 || Number(config.recurrentDropout ?? 0) !== 0)
    throw new EngineUnsupported('unsupported-setting', `${kind} dropout`, name);
  rejectConfigKeys(config, name, ['recurrentRegularizer', 'recurrentConstraint']);
}

/** LSTM or GRU on [steps, features] (TF.js gate order, resetAfter false). */
export function planGatedRecurrent(kind: 'LSTM' | 'GRU') {
  return ({ name, config, inMask }: PlannableLayer, inShape: readonly number[]): PlannedLayer => {
    if (inShape.length !== 2)
      throw new EngineUnsupported(
        'unsupported-setting',
        `${kind} needs a [steps, features] input`,
        name,
      );
    if (config.resetAfter === true)
      throw new EngineUnsupported('unsupported-setting', 'GRU resetAfter', name);
    rejectRecurrentExtras(kind, config, name);
    const recurrentActivation = config.recurrentActivation ?? 'hardSigmoid';
    const activation = config.activation ?? 'tanh';
    if (!isRecurrentActivation(recurrentActivation) || !isRecurrentActivation(activation))
      throw new EngineUnsupported(
        'unsupported-setting',
        `${kind} activations ${String(activation)}/${String(recurrentActivation)}`,
        name,
      );
    const settings = {
      units: Number(config.units),
      returnSequences: config.returnSequences === true,
      activation,
      recurrentActivation,
      useBias: config.useBias !== false,
    };
    if (kind === 'GRU') return { op: gruOp(name, inShape, settings), activation: null };
    // An LSTM applies a padding mask; with returnSequences its output carries it on, as in Keras.
    return {
      op: lstmOp(name, inShape, settings, inMask),
      activation: null,
      ...(inMask ? { appliesMask: true } : {}),
      ...(inMask && settings.returnSequences ? { outMask: inMask } : {}),
    };
  };
}

/** SimpleRNN on [steps, features]. */
export function planSimpleRnn(
  { name, config }: PlannableLayer,
  inShape: readonly number[],
): PlannedLayer {
  if (inShape.length !== 2)
    throw new EngineUnsupported(
      'unsupported-setting',
      'SimpleRNN needs a [steps, features] input',
      name,
    );
  rejectRecurrentExtras('SimpleRNN', config, name);
  const activation = engineActivationOf(config, name);
  if (activation === 'softmax')
    throw new EngineUnsupported('unsupported-setting', 'SimpleRNN with softmax', name);
  return {
    op: simpleRnnOp(
      name,
      inShape,
      Number(config.units),
      activation,
      config.useBias !== false,
      config.returnSequences === true,
    ),
    activation: null,
  };
}

/** 2 · steps · gates · units · (inputs + units) per example. */
export function recurrentFlops(gates: number) {
  return (
    config: Readonly<Record<string, unknown>>,
    inShape: readonly (number | null)[],
  ): number => {
    const units = Number(config.units);
    const cin = Number(inShape[inShape.length - 1]);
    return 2 * Number(inShape[1]) * gates * units * (cin + units);
  };
}
