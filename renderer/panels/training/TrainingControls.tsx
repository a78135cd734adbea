import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { formatDiagnostic, type Locale } from '@core';

import type { EditorStore } from '../../state/editor-store';
import {
  pauseTraining,
  resumeTraining,
  startBlocker,
  startTraining,
  stopTraining,
} from './training-controller';
import { useTrainingDatasetStore } from './training-dataset';
import { useTrainingStore } from './training-store';
import { requestNotificationPermission } from './use-finish-notification';

/** Train / Pause / Resume / Stop. Train is disabled with a tooltip naming the first blocking problem. */
export function TrainingControls({ store }: { readonly store: EditorStore }) {
  const { t, i18n } = useTranslation('training');
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const doc = useStore(store, (s) => s.doc);
  const dataset = useTrainingDatasetStore((s) => s.dataset);
  const machine = useTrainingStore((s) => s.machine);
  const blocker = startBlocker(doc, dataset);
  const tooltip =
    blocker === null
      ? undefined
      : blocker.kind === 'diagnostic'
        ? t('blocked.diagnostic', {
            message: formatDiagnostic({ code: blocker.code, args: blocker.args }, locale),
          })
        : blocker.kind === 'no-dataset'
          ? t('blocked.noDataset')
          : t('blocked.running');
  const active =
    machine.status === 'compiling' || machine.status === 'training' || machine.status === 'paused';
  return (
    <div className="training-controls" role="toolbar" aria-label={t('title')}>
      <span title={tooltip} className="training-start-wrap">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="train-start"
          disabled={blocker !== null}
          onClick={() => {
            requestNotificationPermission();
            void startTraining(store.getState().doc);
          }}
        >
          {t('actions.start')}
        </button>
      </span>
      {machine.status === 'paused' ? (
        <button type="button" className="btn" data-testid="train-resume" onClick={resumeTraining}>
          {t('actions.resume')}
        </button>
      ) : (
        <button
          type="button"
          className="btn"
          data-testid="train-pause"
          disabled={machine.status !== 'training' || machine.stopRequested}
          onClick={pauseTraining}
        >
          {t('actions.pause')}
        </button>
      )}
      <button
        type="button"
        className="btn"
        data-testid="train-stop"
        disabled={!active || machine.stopRequested}
        onClick={stopTraining}
      >
        {machine.stopRequested ? t('actions.stopping') : t('actions.stop')}
      </button>
      {blocker !== null && blocker.kind !== 'running' && (
        <p className="training-blocker" data-testid="train-blocker">
          {tooltip}
        </p>
      )}
    </div>
  );
}
