import { useTranslation } from 'react-i18next';

import { formatDiagnostic, type Locale } from '@core';

import {
  useEditorState,
  useLoadedDataset,
  useSession,
  useTrainingState,
} from '../../session/session-context';
import { startBlocker } from './training-controller';
import { requestNotificationPermission } from './use-finish-notification';

/**
 * Train / Pause / Resume / Stop. When Train cannot start, the reason is shown
 * next to it with the way out (open the Dataset panel, or show the problem),
 * so the button never dead-ends.
 */
export function TrainingControls() {
  const { t, i18n } = useTranslation('training');
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const session = useSession();
  const controller = session.training.controller;
  const doc = useEditorState((s) => s.doc);
  const dataset = useLoadedDataset();
  const machine = useTrainingState((s) => s.machine);
  const blocker = startBlocker(doc, dataset, machine.status);
  const reason =
    blocker === null
      ? null
      : blocker.kind === 'diagnostic'
        ? t('blocked.diagnostic', {
            message: formatDiagnostic({ code: blocker.code, args: blocker.args }, locale),
          })
        : t(blocker.kind === 'no-dataset' ? 'blocked.noDataset' : 'blocked.running');
  const active =
    machine.status === 'compiling' || machine.status === 'training' || machine.status === 'paused';
  return (
    <div className="training-controls" role="toolbar" aria-label={t('title')}>
      <span title={reason ?? undefined} className="training-start-wrap">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="train-start"
          disabled={blocker !== null}
          onClick={() => {
            requestNotificationPermission();
            void controller.start();
          }}
        >
          {t('actions.start')}
        </button>
      </span>
      {machine.status === 'paused' ? (
        <button
          type="button"
          className="btn"
          data-testid="train-resume"
          onClick={() => controller.resume()}
        >
          {t('actions.resume')}
        </button>
      ) : (
        <button
          type="button"
          className="btn"
          data-testid="train-pause"
          disabled={machine.status !== 'training' || machine.stopRequested}
          onClick={() => controller.pause()}
        >
          {t('actions.pause')}
        </button>
      )}
      <button
        type="button"
        className="btn"
        data-testid="train-stop"
        disabled={!active || machine.stopRequested}
        onClick={() => controller.stop()}
      >
        {machine.stopRequested ? t('actions.stopping') : t('actions.stop')}
      </button>
      {blocker !== null && blocker.kind !== 'running' && (
        <p className="training-blocker" data-testid="train-blocker" data-kind={blocker.kind}>
          {reason}{' '}
          <button
            type="button"
            className="btn btn-link"
            data-testid="train-blocker-fix"
            onClick={() =>
              session.editor
                .getState()
                .showPanel(blocker.kind === 'no-dataset' ? 'dataset' : 'problems')
            }
          >
            {t(blocker.kind === 'no-dataset' ? 'blocked.openDataset' : 'blocked.showProblem')}
          </button>
        </p>
      )}
    </div>
  );
}
