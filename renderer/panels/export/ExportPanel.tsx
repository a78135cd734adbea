import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import {
  formatReason,
  onnxStatusMessage,
  pytorchStatusMessage,
  renderGraphSvg,
  type Locale,
} from '@core';

import { useAppServices } from '../../app/app-context';
import { useHost } from '../../host/HostProvider';
import { analyze } from '../../state/analysis';
import { modelAvailability } from '../../session/model-store';
import { ModelStatusNote } from '../model/ModelStatusNote';
import { svgToPng } from './diagram-png';
import { exportProject, type ExportOutcome, type ExportPhase } from './export-actions';
import { failureText, formatDifference, hostFailureText } from './export-messages';
import { DiagramSection } from './DiagramSection';
import { ImportSection } from './ImportSection';
import { TorchWeightsSection } from './TorchWeightsSection';
import './export.css';
import { useModelState, useSession, useTrainingState } from '../../session/session-context';

/** `data-export-state` values, for e2e tests: idle, a phase, or how the last export ended. */
type PanelState = 'idle' | ExportPhase | ExportOutcome['status'];

/** The project name as the suggested export name; the host makes it a valid folder name on every OS. */
function defaultName(projectName: string): string {
  const trimmed = projectName.trim();
  return trimmed.length > 0 ? trimmed : 'model';
}

/**
 * The Export side panel: export the (trained) model as a self-describing
 * folder and show the parity check; import a TF.js model as a graph; save a
 * diagram of the network for slides.
 */
export function ExportPanel() {
  const { t, i18n } = useTranslation('export');
  const { appInfo, exportClient } = useAppServices();
  const session = useSession();
  const store = session.editor;
  const host = useHost();
  const projectName = useStore(store, (s) => s.doc.name);
  const [name, setName] = useState(() => defaultName(projectName));
  const [state, setState] = useState<PanelState>('idle');
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const busy = state === 'gathering' || state === 'exporting' || state === 'writing';
  // Weights change batch by batch while a run is active: export once it has finished, paused or stopped.
  const training = useTrainingState(
    (s) => s.machine.status === 'compiling' || s.machine.status === 'training',
  );
  const graph = useStore(store, (s) => s.doc.graph);
  const availability = useModelState((s) => modelAvailability(s, graph));
  // Without a model that fits the network, only the untrained network can be exported, and the button says so.
  const untrained = availability === 'none' || availability === 'stale';

  const diagramFiles = async () => {
    const doc = store.getState().doc;
    const svg = renderGraphSvg(doc.graph, analyze(doc).shapes, locale, name);
    return { 'diagram.svg': svg, 'diagram.png': await svgToPng(svg) };
  };

  const onExport = async () => {
    setOutcome(null);
    const result = await exportProject(host, session, exportClient, {
      name,
      appVersion: appInfo.version,
      extraFiles: diagramFiles,
      onPhase: setState,
    });
    setOutcome(result);
    setState(result.status);
  };

  return (
    <section className="export-panel" data-testid="export-panel" data-export-state={state}>
      <h3>{t('model.heading')}</h3>
      <p className="panel-hint">{t('model.hint')}</p>
      <p className="panel-hint" data-testid="export-onnx-hint">
        {t('onnxFile')}
      </p>
      <ModelStatusNote purpose="export" />
      <label className="export-field">
        <span>{t('model.name')}</span>
        <input
          value={name}
          placeholder={t('model.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          disabled={busy}
          data-testid="export-name"
        />
      </label>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void onExport()}
        disabled={busy || training || availability === 'restoring' || name.trim().length === 0}
        data-testid="export-model"
        data-untrained={untrained ? 'true' : 'false'}
      >
        {t(untrained ? 'model.exportUntrained' : 'model.export')}
      </button>
      {busy && (
        <p className="export-status" role="status">
          {t(`state.${state}`)}
        </p>
      )}
      {outcome && <ExportResult outcome={outcome} />}
      <ImportSection />
      <TorchWeightsSection />
      <DiagramSection name={name} locale={locale} />
    </section>
  );
}

function ExportResult({ outcome }: { outcome: ExportOutcome }) {
  const { t, i18n } = useTranslation('export');
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  if (outcome.status === 'cancelled') return null;
  if (outcome.status === 'failed')
    return (
      <p className="export-message message-error" data-testid="export-error">
        {failureText(t, outcome.error)}
      </p>
    );
  if (outcome.status === 'host-failed')
    return (
      <p className="export-message message-error" data-testid="export-error">
        {hostFailureText(t, outcome.error)}
      </p>
    );
  const { parity } = outcome;
  const passed = parity.sameTop1 === parity.total && parity.maxProbDiff < 1e-4;
  const values = {
    same: parity.sameTop1,
    total: parity.total,
    diff: formatDifference(parity.maxProbDiff),
  };
  return (
    <div
      className="export-result"
      data-testid="export-result"
      data-parity={passed ? 'pass' : 'fail'}
    >
      <p
        className={passed ? 'export-message message-info' : 'export-message message-error'}
        data-testid="export-parity"
      >
        {passed
          ? t(outcome.samples === 'validation' ? 'parity.validation' : 'parity.generated', values)
          : t('parity.failed', values)}
      </p>
      <p className="export-message">{t(outcome.trained ? 'model.trained' : 'model.untrained')}</p>
      {!outcome.pytorch.available && (
        <p className="export-message message-warning">
          {formatReason(pytorchStatusMessage(outcome.pytorch), locale)}
        </p>
      )}
      {!outcome.onnx.available && (
        <p className="export-message message-warning" data-testid="export-onnx-refused">
          {formatReason(onnxStatusMessage(outcome.onnx), locale)}
        </p>
      )}
      <p className="export-message mono" data-testid="export-written">
        {t('written', { path: outcome.displayPath })}
      </p>
    </div>
  );
}
