import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { LabFile, RecentProject } from '@core';
import { useHost } from '../host/HostProvider';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { newProject, openProject, openTemplate } from '../state/project-actions';
import { useAppServices } from './app-context';
import { loadLabsArea } from './labs-slot';
import { PreferenceSwitches } from './PreferenceSwitches';
import { RecoveryOffer } from './RecoveryOffer';
import { listTemplates } from './templates';
import { OpenPackButton } from '../packs/OpenPackButton';
import { NewPackButton } from '../packs/authoring/NewPackButton';

const LabsArea = lazy(loadLabsArea);

/** What teachers and students see first: new, templates, recent projects, labs. */
export function StartScreen() {
  const { t } = useTranslation();
  const host = useHost();
  const { workspace, appInfo } = useAppServices();
  const ctx = { workspace, host };
  const [recent, setRecent] = useState<readonly RecentProject[] | null>(null);
  const [restoredLab, setRestoredLab] = useState<{ file: LabFile; sessionId: string } | null>(null);

  useEffect(() => {
    let alive = true;
    void host.getRecentProjects().then((r) => {
      if (alive) setRecent(r.ok ? r.value : []);
    });
    return () => {
      alive = false;
    };
  }, [host]);

  return (
    <main className="start-screen" data-testid="start-screen">
      <header className="start-header">
        <div>
          <h1 className="start-title">LayerLab</h1>
          <p className="start-subtitle">{t('app:start.subtitle')}</p>
        </div>
        <PreferenceSwitches />
      </header>

      <RecoveryOffer onRestoreLab={(file, sessionId) => setRestoredLab({ file, sessionId })} />

      <div className="start-grid">
        <section className="start-section" aria-labelledby="start-begin">
          <h2 id="start-begin">{t('app:start.begin')}</h2>
          <div className="start-actions">
            <button
              type="button"
              className="btn btn-primary"
              data-testid="start-new"
              onClick={() => void newProject(ctx)}
            >
              {t('app:start.newProject')}
            </button>
            <button
              type="button"
              className="btn"
              data-testid="start-open"
              onClick={() => void openProject(ctx)}
            >
              {t('app:start.openProject')}
            </button>
            <OpenPackButton />
          </div>
          {/* Teacher mode: its own row, the three above already fill the column. */}
          <div className="start-actions">
            <NewPackButton />
          </div>

          <h2 id="start-recent">{t('app:start.recent')}</h2>
          {recent === null ? null : recent.length === 0 ? (
            <p className="muted">{t('app:start.noRecent')}</p>
          ) : (
            <ul className="recent-list" aria-labelledby="start-recent">
              {recent.map((r) => (
                <li key={r.fileId}>
                  <button
                    type="button"
                    className="recent-item"
                    title={r.displayPath}
                    onClick={() => void openProject(ctx, r.fileId)}
                  >
                    <span className="recent-name">{r.name}</span>
                    <span className="recent-path">{r.displayPath}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="start-section" aria-labelledby="start-templates">
          <h2 id="start-templates">{t('app:start.templates')}</h2>
          <ul className="template-list">
            {listTemplates().map((template) => (
              <li key={template.id}>
                <button
                  type="button"
                  className="template-card"
                  data-testid={`template-${template.id}`}
                  onClick={() => void openTemplate(ctx, template.contents)}
                >
                  <span className="template-name">
                    {t(`app:templates.${template.id}.name`, { defaultValue: template.id })}
                  </span>
                  <span className="template-description">
                    {t(`app:templates.${template.id}.description`, { defaultValue: '' })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>

        <section className="start-section start-labs" aria-labelledby="start-labs">
          <h2 id="start-labs">{t('app:start.labs')}</h2>
          <ErrorBoundary regionKey="app:regions.labs">
            <Suspense fallback={<p className="muted">{t('app:start.loading')}</p>}>
              <LabsArea restored={restoredLab} />
            </Suspense>
          </ErrorBoundary>
        </section>
      </div>
      <p className="start-version muted">LayerLab {appInfo.version}</p>
    </main>
  );
}
