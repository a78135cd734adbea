import { useTranslation } from 'react-i18next';

import type { DatasetStatus } from './dataset-store';

/**
 * What a folder load is doing (waiting for the dialog, scanning, decoding
 * n of N) with a Cancel button once the app is the one working. Shared by
 * the training folder and the test folder.
 */
export function ProgressRow({
  status,
  progress,
  onCancel,
  testId,
  cancelTestId,
}: {
  readonly status: DatasetStatus;
  readonly progress: { readonly done: number; readonly total: number } | null;
  readonly onCancel: () => void;
  readonly testId: string;
  readonly cancelTestId: string;
}) {
  const { t } = useTranslation('dataset');
  return (
    <div
      className="dataset-progress"
      data-testid={testId}
      data-found={status === 'scanning' ? (progress?.done ?? 0) : undefined}
    >
      <span>
        {status === 'loading' && progress !== null
          ? t('progress.loading', { done: progress.done, total: progress.total })
          : status === 'scanning' && progress !== null
            ? t('progress.scanningCount', { count: progress.done })
            : t(`progress.${status}`)}
      </span>
      {status === 'loading' && progress !== null && progress.total > 0 && (
        <progress max={progress.total} value={progress.done} />
      )}
      {status !== 'choosing' && (
        <button type="button" data-testid={cancelTestId} onClick={onCancel}>
          {t('cancel')}
        </button>
      )}
    </div>
  );
}
