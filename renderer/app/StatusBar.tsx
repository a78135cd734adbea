import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { useSessionValue } from '../session/open-session';
import type { ProjectSession } from '../session/project-session';
import { useAnalysis } from '../state/analysis';
import { useRuntimeStore } from '../state/runtime-store';
import { isSoftwareRenderer } from './gpu-renderer';
import { backendReasonText, engineDetailText } from './training-backend';

const dash = '—';

/** Bottom bar: file and dirty marker, problem counts, where training runs and whether graphics are accelerated. */
export function StatusBar({ session }: { readonly session: ProjectSession | null }) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      {session !== null && <ProjectStatus key={session.id} session={session} />}
      <span className="status-spacer" />
      <TrainingStatus />
      <GraphicsStatus />
    </footer>
  );
}

/**
 * Where training runs, in a teacher's words ("Training on this computer's CPU · 2 cores · fast
 * engine"); the engine, the TF.js backend and why it was chosen are the tooltip. The raw facts
 * stay on data attributes for tests.
 */
function TrainingStatus() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const runtime = useRuntimeStore();
  const known = runtime.backend !== null;
  const onGpu =
    runtime.trainingEngine !== 'layerlab' &&
    (runtime.backend === 'webgl' || runtime.backend === 'webgpu');
  const facts = runtime.engine;
  const parts = !known
    ? [t('app:status.trainingUnknown')]
    : [
        t(onGpu ? 'app:status.trainOnGpu' : 'app:status.trainOnCpu'),
        // Which way to the GPU: the policy prefers WebGPU, WebGL when WebGPU has no real GPU.
        ...(onGpu
          ? [t(runtime.backend === 'webgpu' ? 'app:status.viaWebgpu' : 'app:status.viaWebgl')]
          : []),
        ...(runtime.trainingCores !== null
          ? [t('app:status.cores', { count: runtime.trainingCores })]
          : []),
        ...(runtime.trainingEngine === 'layerlab' ? [t('app:status.fastEngine')] : []),
        ...(runtime.trainingEngine === 'tfjs' && !onGpu ? [t('app:status.standardEngine')] : []),
        // Automatic explains itself in the tooltip; an override says it is one.
        ...(facts?.info.reason === 'requested' ? [t('app:status.chosenInSettings')] : []),
      ];
  const details =
    facts === null
      ? []
      : [
          t('app:status.engineDetail', { engine: engineDetailText(facts, t, locale) }),
          t('app:status.inspectBackend', { backend: facts.info.backend }),
          backendReasonText(facts, locale),
          ...(facts.info.backend === 'webgpu' && facts.info.renderer
            ? [t('app:status.gpuDevice', { device: facts.info.renderer })]
            : []),
        ].filter((line) => line !== '');
  return (
    <span
      className="status-item"
      data-testid="status-backend"
      data-backend={runtime.backend ?? ''}
      data-engine={runtime.trainingEngine ?? ''}
      data-cores={runtime.trainingCores ?? ''}
      title={details.length > 0 ? details.join('\n') : undefined}
    >
      {parts.join(t('app:status.separator'))}
    </span>
  );
}

/** Whether drawing (and WebGL training) has a graphics card; the renderer string is the tooltip. */
function GraphicsStatus() {
  const { t } = useTranslation();
  const renderer = useRuntimeStore((s) => s.gpuRenderer);
  const software = renderer !== null && isSoftwareRenderer(renderer);
  const label =
    renderer === null
      ? `${t('app:status.graphics')}: ${dash}`
      : t(software ? 'app:status.noGraphicsAcceleration' : 'app:status.graphicsAccelerated');
  const tooltip =
    renderer === null
      ? undefined
      : software
        ? `${t('app:status.softwareRenderer')}\n${renderer}`
        : renderer;
  return (
    <span
      className={`status-item${software ? ' status-warn' : ''}`}
      data-testid="status-gpu"
      data-renderer={renderer ?? ''}
      // The renderer string is the driver's own name, shown as it is (the UI scan skips it).
      data-verbatim={renderer ?? undefined}
      title={tooltip}
    >
      {label}
    </span>
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
