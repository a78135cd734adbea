import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { useSessionValue } from '../session/open-session';
import type { ProjectSession } from '../session/project-session';
import { useAnalysis } from '../state/analysis';
import { useRuntimeStore } from '../state/runtime-store';
import { isSoftwareRenderer } from './gpu-renderer';

const dash = '—';

/** Bottom bar: file and dirty marker, problem counts, TF.js backend and GPU renderer. */
export function StatusBar({ session }: { readonly session: ProjectSession | null }) {
  const { t } = useTranslation();
  const runtime = useRuntimeStore();
  const software = runtime.gpuRenderer !== null && isSoftwareRenderer(runtime.gpuRenderer);
  return (
    <footer className="status-bar" data-testid="status-bar">
      {session !== null && <ProjectStatus key={session.id} session={session} />}
      <span className="status-spacer" />
      <span
        className="status-item"
        data-testid="status-backend"
        title={runtime.backendReason ?? undefined}
      >
        {runtime.trainingEngine === 'layerlab' ? (
          // LayerLab's engine trains; TF.js (on `backend`) serves inspection, evaluation and export.
          <>
            {t('app:status.training')}: <strong>{runtime.engine}</strong>
            <span className="muted">
              {' · '}
              {t('app:status.inspectBackend', { backend: runtime.backend ?? dash })}
            </span>
          </>
        ) : (
          <>
            {t('app:status.backend')}: <strong>{runtime.backend ?? dash}</strong>
            {runtime.engine !== null && <span className="muted"> ({runtime.engine})</span>}
          </>
        )}
      </span>
      <span
        className={`status-item${software ? ' status-warn' : ''}`}
        data-testid="status-gpu"
        title={software ? t('app:status.softwareRenderer') : (runtime.gpuRenderer ?? undefined)}
      >
        {t('app:status.gpu')}: <strong>{runtime.gpuRenderer ?? dash}</strong>
      </span>
    </footer>
  );
}

/** The open project's part of the bar: its file name, unsaved marker and problem counts. */
function ProjectStatus({ session }: { readonly session: ProjectSession }) {
  const { t } = useTranslation();
  const fileName = useStore(session.editor, (s) => s.file.name);
  // Unsaved edits, or a trained model not saved yet.
  const dirty = useSessionValue(session, (s) => s.isDirty());
  const { errorCount, warningCount } = useAnalysis(session.editor);
  return (
    <>
      <span
        className="status-item status-file"
        data-testid="status-file"
        title={fileName ?? t('app:status.untitled')}
      >
        {fileName ?? t('app:status.untitled')}
        {dirty && (
          <span
            className="dirty-marker"
            data-testid="dirty-marker"
            title={t('app:status.unsaved')}
            aria-label={t('app:status.unsaved')}
          >
            {' •'}
          </span>
        )}
      </span>
      <span className="status-item" data-testid="status-problems">
        <span className={errorCount > 0 ? 'count-error' : undefined}>
          {t('app:status.errors', { count: errorCount })}
        </span>
        {' · '}
        <span className={warningCount > 0 ? 'count-warning' : undefined}>
          {t('app:status.warnings', { count: warningCount })}
        </span>
      </span>
    </>
  );
}
