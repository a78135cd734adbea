import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useHost } from '../../host/HostProvider';
import { pickTrainingFolder } from './pick-dataset';
import { useLoadedDataset, useSession } from '../../session/session-context';

/** Which data the next run uses, with a button to choose (or change) the folder. */
export function DatasetLine({ disabled }: { readonly disabled: boolean }) {
  const { t } = useTranslation('training');
  const host = useHost();
  const session = useSession();
  const dataset = useLoadedDataset();
  const [status, setStatus] = useState<
    | { kind: 'idle' }
    | { kind: 'loading'; done: number; total: number }
    | { kind: 'failed'; code: string }
  >({ kind: 'idle' });
  const pick = async (): Promise<void> => {
    setStatus({ kind: 'loading', done: 0, total: 0 });
    const outcome = await pickTrainingFolder(
      host,
      session.editor.getState().doc,
      (loaded) => session.dataset.loaded.setState({ dataset: loaded }),
      (p) => setStatus({ kind: 'loading', done: p.done, total: p.total }),
    );
    setStatus(
      outcome.ok || outcome.code === 'cancelled'
        ? { kind: 'idle' }
        : { kind: 'failed', code: outcome.code },
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
        disabled={disabled || status.kind === 'loading'}
        onClick={() => void pick()}
      >
        {dataset ? t('dataset.change') : t('dataset.pick')}
      </button>
      {status.kind === 'loading' && status.total > 0 && (
        <span className="muted">
          {' '}
          {t('dataset.loading', { done: status.done, total: status.total })}
        </span>
      )}
      {status.kind === 'failed' && (
        <p className="training-error" role="alert">
          {t('dataset.failed', { code: status.code })}
        </p>
      )}
    </div>
  );
}
