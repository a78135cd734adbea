import './packs.css';

import { useTranslation } from 'react-i18next';

import type { Locale } from '@core';

import { useAppServices } from '../app/app-context';
import { useHost } from '../host/HostProvider';
import { showToast } from '../ui/toast-store';
import { Markdown } from './Markdown';
import { usePackState, usePackStore } from './pack-context';
import {
  exportSubmission,
  openLabStep,
  openProjectStep,
  saveEmbeddedDataset,
} from './pack-actions';
import { noPack } from './pack-store';
import { stepStatuses, type StepStatus } from './step-checks';
import { StepCard } from './StepCard';

const statusMark: Record<StepStatus, string> = { pass: '✓', fail: '✗', pending: '○', closed: '🔒' };

/**
 * Student mode: the open package beside the start screen or the editor. The
 * steps with their progress, the current step's page, and Export submission.
 * A step after an unpassed required step is closed (it cannot be skipped).
 */
export function PackPanel() {
  const { t, i18n } = useTranslation('packs');
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const store = usePackStore();
  const host = useHost();
  const { workspace, appInfo } = useAppServices();
  const state = usePackState((s) => s);
  const pack = state.pack;
  if (!pack) return null;
  const statuses = stepStatuses(state, pack);
  const index = Math.max(
    0,
    pack.steps.findIndex((s) => s.step.id === state.currentStepId),
  );
  const current = pack.steps[index];
  const done = statuses.filter((s) => s === 'pass').length;

  const openStep = async () => {
    if (!current) return;
    if ('lab' in current) openLabStep(store, current);
    else if ('project' in current) await openProjectStep(store, { workspace, host }, current);
  };

  const saveDataset = async (folder: string) => {
    const saved = await saveEmbeddedDataset(host, pack, folder);
    if (saved.ok)
      showToast({
        tone: 'success',
        messageKey: 'packs:dataset.saved',
        values: { path: saved.displayPath },
      });
    else if (saved.code !== 'cancelled')
      showToast({ tone: 'error', messageKey: 'packs:dataset.failed' });
  };

  const exportIt = () => {
    if (!exportSubmission(store, appInfo.version))
      showToast({ tone: 'warning', messageKey: 'packs:submission.needName' });
    else showToast({ tone: 'success', messageKey: 'packs:submission.exported' });
  };

  return (
    <aside className="pack-panel" data-testid="pack-panel" aria-labelledby="pack-title">
      <header className="pack-header">
        <h2 id="pack-title" className="pack-title">
          {state.preview ? `${t('panel.preview')} · ` : ''}
          {pack.manifest.title[locale]}
        </h2>
        <p className="pack-progress" data-testid="pack-progress">
          {t('panel.progress', { done, total: pack.steps.length })}
        </p>
        <details className="pack-instructions">
          <summary>{t('panel.instructions')}</summary>
          <Markdown source={pack.manifest.instructions[locale]} files={pack.files} />
        </details>
      </header>

      <ol className="pack-steps" data-testid="pack-steps">
        {pack.steps.map((loaded, i) => {
          const status = statuses[i] ?? 'pending';
          return (
            <li key={loaded.step.id}>
              <button
                type="button"
                className={`pack-step pack-step-${status}${i === index ? ' pack-step-current' : ''}`}
                data-testid={`pack-step-${loaded.step.id}`}
                data-status={status}
                disabled={status === 'closed'}
                title={status === 'closed' ? t('panel.closedHint') : undefined}
                aria-current={i === index ? 'step' : undefined}
                onClick={() => store.setState({ currentStepId: loaded.step.id })}
              >
                <span className="pack-step-mark" aria-label={t(`status.${status}`)}>
                  {statusMark[status]}
                </span>
                <span>
                  {i + 1}. {loaded.step.title[locale]}
                  {loaded.step.required ? (
                    <em className="pack-required"> {t('panel.required')}</em>
                  ) : null}
                </span>
              </button>
            </li>
          );
        })}
      </ol>

      {current && statuses[index] !== 'closed' ? (
        <div className="pack-current">
          {current.step.kind !== 'reading' ? (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="pack-open-step"
              onClick={() => void openStep()}
            >
              {current.step.kind === 'lab' ? t('panel.openLab') : t('panel.openProject')}
            </button>
          ) : null}
          {current.step.kind === 'project' && current.step.dataset?.kind === 'embedded' ? (
            <button
              type="button"
              className="btn"
              data-testid="pack-save-dataset"
              onClick={() => {
                const folder =
                  current.step.kind === 'project' && current.step.dataset?.kind === 'embedded'
                    ? current.step.dataset.folder
                    : '';
                void saveDataset(folder.replace(/\/$/, ''));
              }}
            >
              {t('dataset.save')}
            </button>
          ) : null}
          {current.step.kind === 'project' && current.step.dataset?.kind === 'folder' ? (
            <p className="pack-dataset-note">{current.step.dataset.description[locale]}</p>
          ) : null}
          <StepCard loaded={current} />
        </div>
      ) : null}

      <footer className="pack-footer">
        {state.preview ? null : (
          <>
            <label className="pack-student">
              {t('submission.name')}
              <input
                type="text"
                maxLength={200}
                data-testid="pack-student"
                value={state.student}
                onChange={(e) => store.setState({ student: e.target.value })}
              />
            </label>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="pack-export"
              onClick={exportIt}
            >
              {t('submission.export')}
            </button>
          </>
        )}
        <button
          type="button"
          className="btn"
          data-testid="pack-close"
          onClick={() => {
            workspace.current()?.editor.getState().setLocks(null);
            store.setState(noPack);
          }}
        >
          {state.preview ? t('panel.backToAuthoring') : t('panel.close')}
        </button>
      </footer>
    </aside>
  );
}
