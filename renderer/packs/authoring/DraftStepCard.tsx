import { useTranslation } from 'react-i18next';

import { changeStep, moveStep, removeStep, type DraftStep, type Locale } from '@core';

import { useOpenSession } from '../../session/open-session';
import { useAppServices } from '../../app/app-context';
import { useAuthorStore } from './author-context';
import { openDraftLab } from './author-actions';
import { editDraft, markUndoPoint } from './author-store';
import { BilingualField } from './BilingualField';
import { StepExpectationsEditor } from './StepExpectationsEditor';
import { StepLocksEditor } from './StepLocksEditor';

/**
 * One step of the package being built: its order, title and instructions in
 * both languages, whether it can be skipped, its starting lab numbers or
 * network, what it locks and what it expects.
 */
export function DraftStepCard({
  step,
  index,
  count,
  locale,
}: {
  readonly step: DraftStep;
  readonly index: number;
  readonly count: number;
  readonly locale: Locale;
}) {
  const { t } = useTranslation('author');
  const store = useAuthorStore();
  const { workspace } = useAppServices();
  const session = useOpenSession(workspace);
  const change = (fn: (s: DraftStep) => DraftStep, capture: 'record' | 'merge' = 'record') =>
    editDraft(store, (draft) => changeStep(draft, step.id, fn), capture);
  const focus = () => markUndoPoint(store);

  return (
    <li className="author-step" data-testid={`author-step-${step.id}`} data-kind={step.kind}>
      <header className="author-step-head">
        <span className="author-step-number">{index + 1}.</span>
        <span className={`author-kind author-kind-${step.kind}`}>{t(`kind.${step.kind}`)}</span>
        <span className="author-step-name">{step.title[locale] || t('step.untitled')}</span>
        <span className="author-step-tools">
          <button
            type="button"
            className="btn btn-small"
            data-testid="author-step-up"
            disabled={index === 0}
            aria-label={t('step.up')}
            title={t('step.up')}
            onClick={() => editDraft(store, (d) => moveStep(d, step.id, -1))}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn-small"
            data-testid="author-step-down"
            disabled={index === count - 1}
            aria-label={t('step.down')}
            title={t('step.down')}
            onClick={() => editDraft(store, (d) => moveStep(d, step.id, 1))}
          >
            ↓
          </button>
          <button
            type="button"
            className="btn btn-small"
            data-testid="author-step-remove"
            aria-label={t('step.remove')}
            title={t('step.remove')}
            onClick={() => editDraft(store, (d) => removeStep(d, step.id))}
          >
            ✕
          </button>
        </span>
      </header>

      {/* The newest step opens; adding one folds the one before (a click opens it again). */}
      <details className="author-step-body" open={index === count - 1}>
        <summary>{t('step.details')}</summary>
        <BilingualField
          label={t('step.title')}
          value={step.title}
          maxLength={300}
          testId="author-step-title"
          onFocus={focus}
          onChange={(title) => change((s) => ({ ...s, title }), 'merge')}
        />
        <BilingualField
          label={t('step.instructions')}
          value={step.instructions}
          multiline
          maxLength={20_000}
          testId="author-step-instructions"
          onFocus={focus}
          onChange={(instructions) => change((s) => ({ ...s, instructions }), 'merge')}
        />
        <label className="author-check">
          <input
            type="checkbox"
            data-testid="author-step-required"
            checked={step.required}
            onChange={(e) => change((s) => ({ ...s, required: e.target.checked }))}
          />
          {t('step.required')}
        </label>

        {step.kind === 'lab' ? (
          <div className="author-start">
            <button
              type="button"
              className="btn btn-small"
              data-testid="author-edit-lab"
              onClick={() => openDraftLab(store, step.id)}
            >
              {t('step.editLab')}
            </button>
            <span className="muted">{t('step.labNote')}</span>
          </div>
        ) : null}
        {step.kind === 'project' ? (
          <div className="author-start">
            <span className="muted">
              {t('step.projectFrom', {
                name: step.project.name,
                layers: Object.keys(step.project.graph.nodes).length,
              })}
            </span>
            <button
              type="button"
              className="btn btn-small"
              data-testid="author-replace-project"
              disabled={!session}
              title={session ? undefined : t('add.noProject')}
              onClick={() => {
                const doc = session?.editor.getState().doc;
                if (doc)
                  change((s) =>
                    s.kind === 'project' ? { ...s, project: { ...doc, dataset: null } } : s,
                  );
              }}
            >
              {t('step.replaceProject')}
            </button>
            <label className="author-check">
              <input
                type="checkbox"
                data-testid="author-dataset-folder"
                checked={step.dataset !== null}
                onChange={(e) =>
                  change((s) =>
                    s.kind === 'project'
                      ? {
                          ...s,
                          dataset: e.target.checked
                            ? { kind: 'folder', description: { en: '', 'zh-CN': '' } }
                            : null,
                        }
                      : s,
                  )
                }
              />
              {t('step.datasetFolder')}
            </label>
            {step.dataset?.kind === 'folder' ? (
              <BilingualField
                label={t('step.datasetDescription')}
                value={step.dataset.description}
                maxLength={300}
                testId="author-dataset-description"
                onFocus={focus}
                onChange={(description) =>
                  change(
                    (s) =>
                      s.kind === 'project' ? { ...s, dataset: { kind: 'folder', description } } : s,
                    'merge',
                  )
                }
              />
            ) : null}
          </div>
        ) : null}

        <StepLocksEditor step={step} />
        <StepExpectationsEditor step={step} />
      </details>
    </li>
  );
}
