import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SampleRef } from '../workers/inspect-protocol';
import type { InspectClient } from './inspect-client';
import { ProbabilityBars } from './ProbabilityBars';
import { SamplePicker } from './SamplePicker';
import { SampleThumb } from './SampleThumb';
import { sampleKey } from './sample-key';
import { useInspectRequest } from './use-inspect-request';

interface PredictTabProps {
  readonly client: InspectClient;
  readonly version: number;
  readonly sampleCount: number;
  readonly kind: 'image' | 'text' | null;
}

/** Drop or choose an image (or type text) and see the class probabilities, sorted; preprocessing is the training one. */
export function PredictTab({ client, version, sampleCount, kind }: PredictTabProps) {
  const { t } = useTranslation('inspect');
  const [sample, setSample] = useState<SampleRef | null>(null);
  const state = useInspectRequest(
    client,
    sample ? { type: 'predict', sample } : null,
    sample ? sampleKey(sample) : '',
    version,
  );
  return (
    <div className="inspect-predict" data-testid="predict-tab" data-state={state.status}>
      <SamplePicker
        sampleCount={sampleCount}
        value={sample ?? { source: 'validation', index: 0 }}
        onChange={setSample}
        kind={kind}
        allowDrawing
      />
      {!sample && (
        <p className="panel-hint">
          {t(kind === 'text' ? 'predict.hintText' : 'predict.hintImage')}
        </p>
      )}
      {state.status === 'done' && !state.ok && (
        <p role="alert" className="inspect-error">
          {t(`errors.${state.error.code}`, { defaultValue: state.error.message })}
        </p>
      )}
      {state.status === 'done' && state.ok && (
        <div className="inspect-row" data-testid="prediction">
          {state.value.sample.view && (
            <figure>
              <SampleThumb view={state.value.sample.view} size={84} />
              <figcaption className="panel-hint">{t('predict.asModelSees')}</figcaption>
            </figure>
          )}
          <ProbabilityBars prediction={state.value.prediction} />
        </div>
      )}
    </div>
  );
}
