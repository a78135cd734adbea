import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { LayerInfo, PlottableActivation } from '@core';
import { activationFunction, isPlottableActivation, plottableActivations } from '@core';

import { ActivationPlot } from './ActivationPlot';
import type { InspectClient } from './inspect-client';
import { useInspectRequest } from './use-inspect-request';

interface ActivationsTabProps {
  readonly client: InspectClient | null;
  readonly version: number;
  readonly layers: readonly LayerInfo[];
  readonly focusLayer: string | null;
  readonly width: number;
}

/**
 * The activation function of a layer: f and f′ with their ranges (the course
 * table), and the layer's pre-activations on a batch of validation samples
 * overlaid, so saturated sigmoids and dead ReLUs show. Without a trained model
 * it still plots any function.
 */
export function ActivationsTab({
  client,
  version,
  layers,
  focusLayer,
  width,
}: ActivationsTabProps) {
  const { t } = useTranslation('inspect');
  const withActivation = layers.filter((l) => l.activation !== null && l.activation !== 'linear');
  const [chosenLayer, setChosenLayer] = useState<string | null>(null);
  const [freeFunction, setFreeFunction] = useState<PlottableActivation>('sigmoid');
  const layer =
    chosenLayer ??
    (focusLayer && withActivation.some((l) => l.name === focusLayer)
      ? focusLayer
      : (withActivation[0]?.name ?? null));
  const info = withActivation.find((l) => l.name === layer) ?? null;
  const fnName: PlottableActivation =
    info?.activation && isPlottableActivation(info.activation) ? info.activation : freeFunction;
  const stats = useInspectRequest(
    client,
    layer ? { type: 'preActivations', layer, sampleCount: 64 } : null,
    layer ?? '',
    version,
  );
  const fn = activationFunction(fnName);
  const value = stats.status === 'done' && stats.ok ? stats.value : null;
  return (
    <div className="inspect-activations" data-testid="activations-tab">
      <label>
        {t('act.layer')}{' '}
        <select value={layer ?? ''} onChange={(e) => setChosenLayer(e.target.value || null)}>
          {withActivation.map((l) => (
            <option key={l.name} value={l.name}>
              {l.name} ({l.activation})
            </option>
          ))}
          <option value="">{t('act.anyFunction')}</option>
        </select>
      </label>
      {!layer && (
        <select
          value={freeFunction}
          onChange={(e) => setFreeFunction(e.target.value as PlottableActivation)}
          aria-label={t('act.function')}
        >
          {plottableActivations.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      )}
      <ActivationPlot
        activation={fnName}
        histogram={layer && value ? value.histogram : null}
        width={Math.max(200, Math.min(420, width))}
        height={Math.max(160, Math.min(260, Math.round(width * 0.62)))}
      />
      <dl className="inspect-facts" data-testid="activation-facts">
        <dt>{t('act.formula')}</dt>
        <dd>{fn.formula}</dd>
        <dt>{t('act.range')}</dt>
        <dd>{fn.range}</dd>
        <dt>{t('act.derivativeRange')}</dt>
        <dd>{fn.derivativeRange}</dd>
        {value && (
          <>
            <dt>{t('act.zRange')}</dt>
            <dd>
              {value.min.toFixed(2)} … {value.max.toFixed(2)} ({t('act.mean')}{' '}
              {value.mean.toFixed(2)}, {t('act.samples', { count: value.sampleCount })})
            </dd>
            {value.lowGradientShare !== null && (
              <>
                <dt>{t('act.lowGradient')}</dt>
                <dd data-testid="low-gradient-share">
                  {(value.lowGradientShare * 100).toFixed(1)}%
                </dd>
              </>
            )}
            {value.deadUnits !== null && (
              <>
                <dt>{t('act.deadUnits')}</dt>
                <dd>
                  {value.deadUnits} / {value.unitCount}
                </dd>
              </>
            )}
          </>
        )}
      </dl>
      {fnName === 'softmax' && <p className="panel-hint">{t('act.softmaxNote')}</p>}
      {stats.status === 'done' && !stats.ok && (
        <p className="inspect-error">
          {t(`errors.${stats.error.code}`, { defaultValue: stats.error.message })}
        </p>
      )}
    </div>
  );
}
