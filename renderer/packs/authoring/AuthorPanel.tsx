import './authoring.css';

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { buildPack, formatAuthorProblem, labIds, type LabId, type Locale } from '@core';

import { useAppServices } from '../../app/app-context';
import { useHost } from '../../host/HostProvider';
import { defaultLabFile } from '../../labs/lab-defaults';
import { useOpenSession } from '../../session/open-session';
import { showToast } from '../../ui/toast-store';
import { usePackState, usePackStore } from '../pack-context';
import { useAuthorState, useAuthorStore } from './author-context';
import {
  addLabStep,
  addProjectStep,
  addReadingStep,
  closeDraft,
  openDraftLab,
  previewDraft,
  saveDraft,
} from './author-actions';
import { editDraft, hasUnsavedWork, markUndoPoint, undo } from './author-store';
import { BilingualField } from './BilingualField';
import { DraftStepCard } from './DraftStepCard';

/**
 * Teacher mode: the lab package being built, beside the start screen or the
 * editor (so the open project can become a step). Title and instructions in
 * both languages, the steps, Undo, Preview as a student, Save, Close. Hidden
 * while a package is open in student mode or previewed.
 */
export function AuthorPanel() {
  const { t, i18n } = useTranslation('author');
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const store = useAuthorStore();
  const packStore = usePackStore();
  const host = useHost();
  const { workspace, appInfo } = useAppServices();
  const session = useOpenSession(workspace);
  const state = useAuthorState((s) => s);
  const packOpen = usePackState((s) => s.pack !== null);
  const [labToAdd, setLabToAdd] = useState<LabId>('backprop');
  const [saving, setSaving] = useState(false);
  const draft = state.draft;
  const problems = useMemo(() => {
    if (!draft || !state.showProblems) return [];
    const built = buildPack(draft, appInfo.version);
    return built.ok ? [] : built.error;
  }, [draft, state.showProblems, appInfo.version]);
  if (!draft || packOpen) return null;

  const bothTitles = (ns: string, key: string) => ({
    en: i18n.getFixedT('en', ns)(key),
    'zh-CN': i18n.getFixedT('zh-CN', ns)(key),
  });
  const unsaved = hasUnsavedWork(state);

  const save = async () => {
    setSaving(true);
    try {
      const saved = await saveDraft(store, host, appInfo.version, locale);
      if (saved.status === 'saved')
        showToast({
          tone: 'success',
          messageKey: 'author:save.saved',
          values: { path: saved.displayPath },
        });
      else if (saved.status === 'failed')
        showToast({
          tone: 'error',
          messageKey: 'author:save.failed',
          values: { code: saved.code },
        });
    } finally {
      setSaving(false);
    }
  };

  return (
    <aside
      className="pack-panel author-panel"
      data-testid="author-panel"
      data-unsaved={unsaved}
      aria-labelledby="author-heading"
    >
      <header className="author-header">
        <h2 id="author-heading" className="pack-title">
          {t('panel.heading')}
          {unsaved ? (
            <span className="author-unsaved" title={t('panel.unsaved')}>
              {' '}
              •
            </span>
          ) : null}
        </h2>
        <div className="author-toolbar">
          <button
            type="button"
            className="btn btn-small"
            data-testid="author-undo"
            disabled={state.past.length === 0}
            onClick={() => undo(store)}
          >
            {t('panel.undo')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            data-testid="author-preview"
            onClick={() => previewDraft(store, packStore, appInfo.version, locale)}
          >
            {t('panel.preview')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-primary"
            data-testid="author-save"
            disabled={saving}
            onClick={() => void save()}
          >
            {t('panel.save')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            data-testid="author-close"
            onClick={() => void closeDraft(store, host, appInfo.version)}
          >
            {t('panel.close')}
          </button>
        </div>
        {state.savedPath ? (
          <p className="muted author-saved" data-testid="author-saved">
            {unsaved
              ? t('panel.changedSince', { path: state.savedPath })
              : t('panel.savedTo', { path: state.savedPath })}
          </p>
        ) : null}
      </header>

      {problems.length > 0 ? (
        <div className="author-problems" role="alert" data-testid="author-problems">
          <p>{t('panel.problems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.code}-${p.stepId ?? ''}-${i}`} data-code={p.code}>
                {formatAuthorProblem(p, locale)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <BilingualField
        label={t('panel.title')}
        value={draft.title}
        maxLength={300}
        testId="author-title"
        onFocus={() => markUndoPoint(store)}
        onChange={(title) => editDraft(store, (d) => ({ ...d, title }), 'merge')}
      />
      <BilingualField
        label={t('panel.instructions')}
        value={draft.instructions}
        multiline
        maxLength={50_000}
        testId="author-instructions"
        onFocus={() => markUndoPoint(store)}
        onChange={(instructions) => editDraft(store, (d) => ({ ...d, instructions }), 'merge')}
      />
      <p className="muted author-note">{t('panel.markdownNote')}</p>

      <h3 className="author-steps-heading">{t('panel.steps', { count: draft.steps.length })}</h3>
      {draft.steps.length === 0 ? <p className="muted">{t('panel.noSteps')}</p> : null}
      <ol className="author-steps" data-testid="author-steps">
        {draft.steps.map((step, i) => (
          <DraftStepCard
            key={step.id}
            step={step}
            index={i}
            count={draft.steps.length}
            locale={locale}
          />
        ))}
      </ol>

      <fieldset className="author-add" data-testid="author-add">
        <legend>{t('add.heading')}</legend>
        <div className="author-add-row">
          <select
            aria-label={t('add.whichLab')}
            data-testid="author-add-lab-select"
            value={labToAdd}
            onChange={(e) => setLabToAdd(e.target.value as LabId)}
          >
            {labIds.map((id) => (
              <option key={id} value={id}>
                {i18n.getFixedT(locale, 'labs')(`labs.${id}.title`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-small"
            data-testid="author-add-lab"
            onClick={() => {
              const id = addLabStep(
                store,
                defaultLabFile(labToAdd, i18n.language),
                bothTitles('labs', `labs.${labToAdd}.title`),
              );
              // The lab opens at once: the numbers the teacher leaves in it are the step's.
              if (id) openDraftLab(store, id);
            }}
          >
            {t('add.lab')}
          </button>
        </div>
        <div className="author-add-row">
          <button
            type="button"
            className="btn btn-small"
            data-testid="author-add-project"
            disabled={!session}
            title={session ? undefined : t('add.noProject')}
            onClick={() => {
              const doc = session?.editor.getState().doc;
              if (doc) addProjectStep(store, doc, { en: doc.name, 'zh-CN': doc.name });
            }}
          >
            {t('add.project')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            data-testid="author-add-reading"
            onClick={() => addReadingStep(store, bothTitles('author', 'add.readingTitle'))}
          >
            {t('add.reading')}
          </button>
        </div>
        {session ? null : <p className="muted author-note">{t('add.noProject')}</p>}
      </fieldset>
    </aside>
  );
}
