import { useTranslation } from 'react-i18next';

import { datasetReadingFor } from '@core';

import { useHost } from '../../host/HostProvider';
import { useDatasetRuntime, useLoadedDataset, useSession } from '../../session/session-context';

/**
 * Which data the next run uses, with a button to choose (or change) the
 * folder. It loads through the project's dataset controller, the same path as
 * the Dataset panel (health report, split and the folder saved in the project),
 * with the options the network's input asks for.
 */
export function DatasetLine({ disabled }: { readonly disabled: boolean }) {
  const { t } = useTranslation('training');
  const host = useHost();
  const session = useSession();
  const dataset = useLoadedDataset();
  const runtime = useDatasetRuntime();
  const busy =
    runtime.status === 'choosing' || runtime.status === 'scanning' || runtime.status === 'loading';
  const pick = async (): Promise<void> => {
    const reading = datasetReadingFor(session.editor.getState().doc);
    await session.dataset.controller.choose(
      host,
      reading.kind,
      reading.kind === 'image' ? { image: reading.image } : { text: reading.text },
    );
  };
  return (
    <div
      className="training-dataset"
      data-testid="training-dataset"
      data-loaded={dataset ? 'true' : 'false'}
    >
      {dataset && (
        <span className="muted">
          {t('dataset.loaded', {
            samples: dataset.plan.samples.length,
            classes: dataset.plan.classNames.length,
          })}{' '}
        </span>
      )}
      <button
        type="button"
        className="btn"
        data-testid="train-pick-dataset"
        disabled={disabled || busy}
        onClick={() => void pick()}
      >
        {dataset ? t('dataset.change') : t('dataset.pick')}
      </button>
      {runtime.status === 'loading' && runtime.progress !== null && runtime.progress.total > 0 && (
        <span className="muted">
          {' '}
          {t('dataset.loading', { done: runtime.progress.done, total: runtime.progress.total })}
        </span>
      )}
      {runtime.status === 'error' && runtime.error !== null && (
        <p className="training-error" role="alert">
          {t(`dataset:${runtime.error.key}`, runtime.error.values ?? {})}
        </p>
      )}
    </div>
  );
}
