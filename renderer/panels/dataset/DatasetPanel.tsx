import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { imageOptionsFromGraph } from '@core';

import { formatNameList } from '../../i18n/list-format';
import { useHost } from '../../host/HostProvider';
import type { DatasetKind } from '@core';
import { showToast } from '../../ui/toast-store';
import { exportHealthReport } from './dataset-controller';
import { initialImageOptions, initialTextOptions } from './dataset-doc';
import { captureDroppedFolder, sourceForDrop } from './folder-drop';
import { HealthReportView } from './HealthReportView';
import { ImageOptionsForm, SplitForm, TextOptionsForm } from './OptionsForms';
import { ProgressRow } from './ProgressRow';
import { TestFolderSection } from './TestFolderSection';
import './dataset.css';
import { useDatasetRuntime, useSession } from '../../session/session-context';

/**
 * The Dataset panel: choose (or drop) a folder, read the health report before
 * any training, and set the image or text options saved with the project.
 * `data-dataset-state` mirrors the load state for e2e tests.
 */
export function DatasetPanel() {
  const { t, i18n } = useTranslation('dataset');
  const { editor: store, dataset } = useSession();
  const controller = dataset.controller;
  const host = useHost();
  const doc = useStore(store, (s) => s.doc);
  const runtime = useDatasetRuntime();
  const saved = doc.dataset;
  const [kind, setKind] = useState<DatasetKind>(saved?.kind ?? 'image');
  useEffect(() => {
    if (saved !== null) setKind(saved.kind);
  }, [saved]);
  useFolderDrop(kind);

  const busy =
    runtime.status === 'choosing' || runtime.status === 'scanning' || runtime.status === 'loading';
  const loadedHere = runtime.report !== null && runtime.grant !== null;
  const image = saved?.image ?? initialImageOptions(doc);
  const text = saved?.text ?? initialTextOptions(doc);
  const split = saved?.split ?? {
    seed: doc.training.seed,
    validationShare: doc.training.validationShare,
  };

  const onExport = (): void => {
    if (runtime.report === null) return;
    void exportHealthReport(host, runtime.report, runtime.grant?.name ?? 'dataset').then((r) => {
      if (r.ok)
        showToast({
          tone: 'success',
          messageKey: 'dataset:report.exported',
          values: { path: r.displayPath },
        });
      else if (r.code !== 'cancelled')
        showToast({
          tone: 'error',
          messageKey: 'dataset:report.exportFailed',
          values: { code: r.code },
        });
    });
  };

  return (
    <section
      className="dataset-panel"
      data-testid="dataset-panel"
      data-dataset-state={runtime.status}
      aria-busy={busy}
    >
      <div className="dataset-choose">
        <div role="radiogroup" aria-label={t('kind.label')} className="dataset-kind">
          {(['image', 'text'] as const).map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="dataset-kind"
                value={k}
                checked={kind === k}
                disabled={busy}
                data-testid={`dataset-kind-${k}`}
                onChange={() => setKind(k)}
              />
              {t(`kind.${k}`)}
            </label>
          ))}
        </div>
        <button
          type="button"
          data-testid="dataset-choose"
          disabled={busy}
          onClick={() => void controller.choose(host, kind)}
        >
          {t(saved !== null && !loadedHere ? 'chooseAgain' : 'choose')}
        </button>
        <p className="panel-hint">{t('dropHint')}</p>
      </div>

      {busy && (
        <ProgressRow
          status={runtime.status}
          progress={runtime.progress}
          onCancel={controller.cancel}
          testId="dataset-progress"
          cancelTestId="dataset-cancel"
        />
      )}

      {runtime.status === 'error' && runtime.error !== null && (
        <p className="dataset-error" role="alert" data-testid="dataset-error">
          {t(runtime.error.key, runtime.error.values ?? {})}
        </p>
      )}

      {saved !== null && (
        <div
          className="dataset-saved"
          data-testid="dataset-saved"
          data-folder={saved.folder.name}
          data-classes={saved.classNames.length}
          data-validation={saved.split.validationPaths?.length ?? 0}
        >
          <strong>{saved.folder.name}</strong>{' '}
          <span className="dataset-path">{saved.folder.displayPath}</span>
          <div>
            {t('saved.classes', {
              count: saved.classNames.length,
              names: formatNameList(saved.classNames, i18n.language),
            })}
          </div>
          <div>
            {t('saved.split', {
              validation: saved.split.validationPaths?.length ?? 0,
              seed: saved.split.seed,
            })}
          </div>
          {!loadedHere && !busy && <div className="panel-hint">{t('saved.reloadHint')}</div>}
          {runtime.grant?.grantId.startsWith('drop:') === true && (
            <div className="panel-hint">{t('saved.droppedHint')}</div>
          )}
        </div>
      )}

      <TestFolderSection trainingBusy={busy} />

      {runtime.report !== null && runtime.status === 'ready' && (
        <HealthReportView
          report={runtime.report}
          thumbnails={runtime.thumbnails}
          onExport={onExport}
        />
      )}

      {kind === 'image' ? (
        <ImageOptionsForm
          options={image}
          graphInput={imageOptionsFromGraph(doc.graph)}
          disabled={busy}
          onChange={(o) => void controller.applyImageOptions(o)}
        />
      ) : (
        <TextOptionsForm
          options={text}
          disabled={busy}
          onChange={(o) => void controller.applyTextOptions(o)}
        />
      )}
      <SplitForm
        seed={split.seed}
        validationShare={split.validationShare}
        disabled={busy}
        onChange={(s) => void controller.applySplit(s)}
      />
    </section>
  );
}

/** Dropping a folder anywhere on the window loads it (granted by the host in Electron, else read in the page). */
function useFolderDrop(kind: DatasetKind): void {
  const { dataset } = useSession();
  const host = useHost();
  useEffect(() => {
    const onDragOver = (e: DragEvent): void => {
      if (e.dataTransfer?.types.includes('Files') === true) e.preventDefault();
    };
    const onDrop = (e: DragEvent): void => {
      const items = e.dataTransfer?.items;
      if (items === undefined || ![...items].some((i) => i.kind === 'file')) return;
      e.preventDefault();
      const dropped = captureDroppedFolder(items);
      if (dropped === null) showToast({ tone: 'error', messageKey: 'dataset:dropNotFolder' });
      else
        void sourceForDrop(host, dropped).then((source) => dataset.controller.load(source, kind));
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [dataset, host, kind]);
}
