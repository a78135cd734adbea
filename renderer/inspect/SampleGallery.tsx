import { useTranslation } from 'react-i18next';

import type { SampleView } from '@core';

import { SampleThumb } from './SampleThumb';

interface SampleGalleryProps {
  readonly testId: string;
  readonly samples: readonly SampleView[];
  /** Caption under each sample, e.g. "9 → 4 (97%)". */
  readonly captionOf: (view: SampleView) => string;
  readonly onPick?: (view: SampleView) => void;
  readonly picked?: number | null;
}

/** A row of sample pictures (or texts) with captions; click one to look closer. */
export function SampleGallery({
  testId,
  samples,
  captionOf,
  onPick,
  picked = null,
}: SampleGalleryProps) {
  const { t } = useTranslation('inspect');
  if (samples.length === 0) return <p className="panel-hint">{t('eval.noSamples')}</p>;
  return (
    <ul className="inspect-gallery" data-testid={testId}>
      {samples.map((view) => (
        <li key={view.index} className={picked === view.index ? 'selected' : undefined}>
          <button
            type="button"
            onClick={() => onPick?.(view)}
            title={t('eval.sampleTitle', { index: view.index })}
          >
            <SampleThumb view={view} />
            <span>{captionOf(view)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
