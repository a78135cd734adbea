import { useTranslation } from 'react-i18next';

import type { InspectClient } from './inspect-client';
import { InputFieldView } from './InputFieldView';
import { ColorLegend } from './ColorLegend';
import { colorScaleFor } from './paint/color-scale';
import { ProbabilityBars } from './ProbabilityBars';
import { useInspectRequest } from './use-inspect-request';

interface SaliencyViewProps {
  readonly client: InspectClient;
  readonly version: number;
  readonly index: number;
  /** Which evaluated samples `index` points into (default: the validation split). */
  readonly source?: 'validation' | 'test';
  readonly classIndex: number;
  readonly classNames: readonly string[];
}

/** A validation (or test) sample with its saliency map for one class, and the model's probabilities. */
export function SaliencyView({
  client,
  version,
  index,
  source = 'validation',
  classIndex,
  classNames,
}: SaliencyViewProps) {
  const { t } = useTranslation('inspect');
  const state = useInspectRequest(
    client,
    { type: 'saliency', sample: { source, index }, classIndex },
    `${source}|${index}|${classIndex}`,
    version,
  );
  if (state.status !== 'done') return <p className="panel-hint">{t('common.loading')}</p>;
  if (!state.ok)
    return (
      <p className="inspect-error">
        {t(`errors.${state.error.code}`, { defaultValue: state.error.message })}
      </p>
    );
  const { sample, map, prediction } = state.value;
  return (
    <section className="inspect-saliency" data-testid="saliency">
      <h5>{t('eval.saliencyTitle', { index, className: classNames[classIndex] ?? classIndex })}</h5>
      <div className="inspect-row">
        {sample.view && (
          <InputFieldView
            view={sample.view}
            field={null}
            heat={map.magnitude}
            heatMax={map.maxMagnitude}
            size={168}
            caption={t('eval.saliencyHint')}
          />
        )}
        <ProbabilityBars prediction={prediction} limit={5} />
      </div>
      <ColorLegend
        scale={colorScaleFor(0, map.maxMagnitude || 1)}
        caption={t(map.score === 'logit' ? 'eval.saliencyLegendLogit' : 'eval.saliencyLegend')}
      />
    </section>
  );
}
