import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { setRuntimeInfo } from '../../state/runtime-store';
import { DatasetLine } from './DatasetLine';
import { EpochTable } from './EpochTable';
import { HeadCharts } from './HeadCharts';
import { MetricChart } from './MetricChart';
import { ResumeOffer } from './ResumeOffer';
import { TrainingControls } from './TrainingControls';
import { TrainingProgress } from './TrainingProgress';
import { TrainingSettings } from './TrainingSettings';
import { toggleCompareRun } from './training-store';
import { useFinishNotification } from './use-finish-notification';
import './training.css';
import { useSession, useTrainingState } from '../../session/session-context';
import { runLabelText } from './run-label';

/**
 * The training side panel: settings, controls, progress and live curves.
 * `data-training-state` mirrors the state machine for e2e tests.
 */
export function TrainingPanel() {
  const { t } = useTranslation('training');
  const session = useSession();
  const store = session.editor;
  const machine = useTrainingState((s) => s.machine);
  const runs = useTrainingState((s) => s.runs);
  const runId = useTrainingState((s) => s.runId);
  const compare = useTrainingState((s) => s.compareRunIds);
  const revision = useTrainingState((s) => s.revision);
  const progress = useTrainingState((s) => s.progress);

  useFinishNotification(machine.status);

  // Taskbar progress (Electron); whole percents only, so the host is not flooded.
  const percent =
    progress && progress.batchesPerEpoch > 0
      ? Math.floor(
          (100 * (progress.epoch * progress.batchesPerEpoch + progress.batch + 1)) /
            (progress.epochs * progress.batchesPerEpoch),
        )
      : null;
  const running =
    machine.status === 'training' || machine.status === 'paused' || machine.status === 'compiling';
  useEffect(() => {
    setRuntimeInfo({ taskProgress: running && percent !== null ? percent / 100 : null });
  }, [running, percent]);

  // The run under way or just finished; after reopening a project, its last saved run.
  const current = runs.find((r) => r.runId === runId) ?? runs[runs.length - 1];
  const shownId = current?.runId ?? null;
  const shown = current
    ? [current, ...runs.filter((r) => r.runId !== shownId && compare.includes(r.runId))]
    : [];
  const locked = running;
  return (
    <section
      className="training-panel"
      data-testid="training-panel"
      data-training-state={machine.status}
    >
      <DatasetLine disabled={running} />
      <ResumeOffer />
      <TrainingControls />
      <TrainingProgress />
      {shown.length > 0 ? (
        <div className="training-charts">
          <MetricChart metric="loss" runs={shown} revision={revision} />
          <MetricChart metric="accuracy" runs={shown} revision={revision} />
        </div>
      ) : (
        <p className="panel-hint">{t('charts.empty')}</p>
      )}
      {shown[0] && <HeadCharts run={shown[0]} revision={revision} />}
      {current && <EpochTable run={current} />}
      {runs.length > 1 && (
        <fieldset className="training-compare">
          <legend>{t('charts.compare')}</legend>
          {runs
            .filter((r) => r.runId !== shownId)
            .map((r) => (
              <label key={r.runId} className="field-check">
                <input
                  type="checkbox"
                  checked={compare.includes(r.runId)}
                  onChange={() => toggleCompareRun(session.training.store, r.runId)}
                  data-testid={`compare-run-${r.runId}`}
                />
                {runLabelText(t, r.label)}
              </label>
            ))}
        </fieldset>
      )}
      <TrainingSettings store={store} locked={locked} />
    </section>
  );
}
