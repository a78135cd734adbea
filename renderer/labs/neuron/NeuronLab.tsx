import {
  activationNames,
  activations,
  formatFactor,
  formatNumber,
  isActivationName,
  neuron,
  type NeuronLabState,
} from '@core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { FunctionPlot } from '../FunctionPlot';
import { NumberInput } from '../NumberInput';
import { SoftmaxPanel } from './SoftmaxPanel';

export interface NeuronLabProps {
  readonly initial: NeuronLabState;
  readonly onChange: (state: NeuronLabState) => void;
}

const MAX_INPUTS = 8;

/** One neuron: In = Σ wᵢaᵢ + b, Out = g(In), with g and g′ plotted; then softmax. */
export function NeuronLab({ initial, onChange }: NeuronLabProps) {
  const { t } = useTranslation('labs');
  const [state, setState] = useState<NeuronLabState>(initial);
  useEffect(() => {
    onChange(state);
  }, [state, onChange]);

  const n = Math.min(state.inputs.length, state.weights.length);
  const result = neuron(
    state.inputs,
    state.weights,
    state.bias,
    isActivationName(state.activation) ? state.activation : 'sigmoid',
  );
  const act = activations[isActivationName(state.activation) ? state.activation : 'sigmoid'];
  const setAt = (key: 'inputs' | 'weights', i: number, v: number) =>
    setState((s) => ({ ...s, [key]: s[key].map((x, j) => (j === i ? v : x)) }));
  const resize = (count: number) =>
    setState((s) => ({
      ...s,
      inputs: Array.from({ length: count }, (_, i) => s.inputs[i] ?? 1),
      weights: Array.from({ length: count }, (_, i) => s.weights[i] ?? 0.5),
    }));

  const In = result.In;
  const xHalf = Math.max(6, Math.ceil(Math.abs(In) + 1));
  const yRange = (lo: number, hi: number): [number, number] => [lo, hi];
  const gDomain =
    act.name === 'sigmoid'
      ? yRange(-0.2, 1.2)
      : act.name === 'tanh'
        ? yRange(-1.2, 1.2)
        : yRange(-xHalf * 0.4, xHalf);
  const dDomain = act.name === 'sigmoid' ? yRange(-0.05, 0.3) : yRange(-0.2, 1.2);
  const d = 4;

  return (
    <div className="lab-columns">
      <section className="lab-panel" aria-labelledby="neuron-heading">
        <h2 id="neuron-heading">{t('neuron.heading')}</h2>
        <table className="lab-table">
          <thead>
            <tr>
              <th>i</th>
              <th>aᵢ</th>
              <th>wᵢ</th>
              <th>wᵢ·aᵢ</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: n }, (_, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>
                  <NumberInput
                    value={state.inputs[i] ?? 0}
                    onChange={(v) => setAt('inputs', i, v)}
                    testId={`neuron-input-${i}`}
                    label={`a${i + 1}`}
                  />
                </td>
                <td>
                  <NumberInput
                    value={state.weights[i] ?? 0}
                    onChange={(v) => setAt('weights', i, v)}
                    testId={`neuron-weight-${i}`}
                    label={`w${i + 1}`}
                  />
                </td>
                <td className="mono">{formatNumber(result.products[i] ?? 0, d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="lab-row">
          <button
            type="button"
            className="btn"
            disabled={n >= MAX_INPUTS}
            onClick={() => resize(n + 1)}
            data-testid="neuron-add-input"
          >
            + {t('neuron.addInput')}
          </button>
          <button type="button" className="btn" disabled={n <= 1} onClick={() => resize(n - 1)}>
            − {t('neuron.removeInput')}
          </button>
        </div>
        <label className="lab-field">
          <span>{t('neuron.bias')} b</span>
          <NumberInput
            value={state.bias}
            onChange={(bias) => setState((s) => ({ ...s, bias }))}
            testId="neuron-bias"
            label="b"
          />
        </label>
        <label className="lab-field">
          <span>{t('neuron.activation')} g</span>
          <select
            value={act.name}
            data-testid="neuron-activation"
            onChange={(e) => setState((s) => ({ ...s, activation: e.target.value }))}
          >
            {activationNames.map((a) => (
              <option key={a} value={a}>
                {t(`activation.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="lab-result">
          <p className="mono">
            In = Σ wᵢaᵢ + b = {result.products.map((p) => formatFactor(p, d)).join(' + ')} +{' '}
            {formatFactor(state.bias, d)} ={' '}
            <strong data-testid="neuron-in">{formatNumber(In, d)}</strong>
          </p>
          <p className="mono">
            Out = g(In) = {act.name}({formatNumber(In, d)}) ={' '}
            <strong data-testid="neuron-out">{formatNumber(result.Out, d)}</strong>
          </p>
          <p className="mono">g′(In) = {formatNumber(result.slope, d)}</p>
          <p className="mono muted">
            {act.formula}; {act.derivativeFormula}
          </p>
          <p data-testid="neuron-range">
            {t('neuron.range')}: <span className="mono">{act.range.label}</span>
          </p>
        </div>
      </section>
      <section className="lab-panel neuron-plots" aria-label={t('neuron.plots')}>
        <FunctionPlot
          title={`g(x) — ${t(`activation.${act.name}`)} ${act.range.label}`}
          f={act.f}
          xDomain={[-xHalf, xHalf]}
          yDomain={gDomain}
          point={{ x: In, y: result.Out }}
          rangeLines={[act.range.min, act.range.max]}
          testId="neuron-plot-g"
        />
        <FunctionPlot
          title="g′(x)"
          f={act.df}
          xDomain={[-xHalf, xHalf]}
          yDomain={dDomain}
          point={{ x: In, y: result.slope }}
          testId="neuron-plot-dg"
        />
        <p className="muted small">{t('neuron.plotHint')}</p>
      </section>
      <SoftmaxPanel
        logits={state.logits}
        onChange={(logits) => setState((s) => ({ ...s, logits }))}
      />
    </div>
  );
}
