import { useTranslation } from 'react-i18next';

import { formatMessage, type Locale } from '@core';

import { modelAvailability } from '../../session/model-store';
import { useEditorState, useModelState, useSession } from '../../session/session-context';

/**
 * One line, above Inspect and Export, saying which trained model they use:
 * none yet (with the reason when a saved one could not be restored), one being
 * trained or restored, a stale one (the network changed since), or the model
 * restored from the project file. Stale and missing models offer the way out.
 * `data-model-state` mirrors it for e2e tests.
 */
export function ModelStatusNote({ purpose }: { readonly purpose: 'inspect' | 'export' }) {
  const { t, i18n } = useTranslation('app');
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const session = useSession();
  const graph = useEditorState((s) => s.doc.graph);
  const state = useModelState((s) => s);
  const availability = modelAvailability(state, graph);
  const showTraining = (): void => session.editor.getState().showPanel('training');
  const restoreError = state.status === 'none' ? state.restoreError : null;

  if (availability === 'ready' && state.status === 'ready' && state.origin === 'trained')
    return <div hidden data-testid="model-status" data-model-state="ready" />;

  const tone =
    availability === 'stale' || restoreError !== null
      ? 'message-warning'
      : availability === 'ready'
        ? 'message-info'
        : 'panel-hint';
  const text =
    restoreError !== null
      ? formatMessage(restoreError.code, restoreError.args, locale)
      : availability === 'ready'
        ? t('model.restored', {
            date:
              state.status === 'ready'
                ? new Date(state.trainedAt).toLocaleString(i18n.language)
                : '',
          })
        : t(`model.${availability}.${purpose}`);
  const action = availability === 'stale' ? 'retrain' : availability === 'none' ? 'train' : null;
  return (
    <p
      className={`model-status ${tone}`}
      role={availability === 'stale' ? 'alert' : 'status'}
      data-testid="model-status"
      data-model-state={restoreError !== null ? 'restore-failed' : availability}
    >
      {text}
      {action !== null && (
        <>
          {' '}
          <button
            type="button"
            className="btn btn-link"
            data-testid="model-status-train"
            onClick={showTraining}
          >
            {t(`model.actions.${action}`)}
          </button>
        </>
      )}
    </p>
  );
}
