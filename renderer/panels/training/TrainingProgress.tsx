import { useTranslation } from 'react-i18next';

import { formatDiagnostic, type Locale } from '@core';
import { useTrainingState } from '../../session/session-context';

function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}`
    : `${m}:${String(r).padStart(2, '0')}`;
}

/** Epoch, batch, examples/s and time left, with a progress bar over the whole run. */
export function TrainingProgress() {
  const { t, i18n } = useTranslation('training');
  const progress = useTrainingState((s) => s.progress);
  const machine = useTrainingState((s) => s.machine);
  const notice = useTrainingState((s) => s.notice);
  const failureDiagnostic = useTrainingState((s) => s.failureDiagnostic);
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const total =
    progress && progress.batchesPerEpoch > 0 ? progress.epochs * progress.batchesPerEpoch : 0;
  const done =
    progress && total > 0 ? progress.epoch * progress.batchesPerEpoch + progress.batch + 1 : 0;
  const fraction = machine.status === 'completed' ? 1 : total > 0 ? done / total : 0;
  const errorKey = machine.error ? `errors.${machine.error.code}` : null;
  return (
    <div className="training-progress" data-testid="training-progress">
      <div className="training-status">
        <strong data-testid="training-status">{t(`state.${machine.status}`)}</strong>
        {progress && progress.batchesPerEpoch > 0 && (
          <span
            className="muted"
            data-testid="training-epoch"
            data-epoch={progress.epoch + 1}
            data-batch={progress.batch + 1}
          >
            {' '}
            {t('progress.epoch', { epoch: progress.epoch + 1, epochs: progress.epochs })} ·{' '}
            {t('progress.batch', { batch: progress.batch + 1, batches: progress.batchesPerEpoch })}
          </span>
        )}
      </div>
      <progress max={1} value={fraction} aria-label={t('title')} />
      {progress && progress.examplesPerSecond > 0 && (
        <div className="muted training-rate">
          {t('progress.speed', { speed: Math.round(progress.examplesPerSecond) })}
          {progress.secondsLeft !== null && machine.status === 'training' && (
            <> · {t('progress.left', { time: formatDuration(progress.secondsLeft) })}</>
          )}
          {progress.validating && <> · {t('progress.validating')}</>}
        </div>
      )}
      {notice && (
        <p
          className="training-notice"
          role="status"
          data-testid="training-notice"
          data-code={notice.code}
        >
          {t(`notice.${notice.code}`, notice.args)}
        </p>
      )}
      {machine.status === 'failed' && machine.error && (
        <p
          className="training-error"
          role="alert"
          data-testid="training-error"
          data-code={machine.error.code}
          title={machine.error.message}
        >
          {errorKey &&
            t(errorKey, { defaultValue: t('errors.other', { code: machine.error.code }) })}
          {failureDiagnostic && <> {formatDiagnostic(failureDiagnostic, locale)}</>}
        </p>
      )}
    </div>
  );
}
