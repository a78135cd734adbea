import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { formatNameList } from '../../i18n/list-format';
import { useHost } from '../../host/HostProvider';
import { BarList } from './BarList';
import { FileList } from './HealthReportView';
import { ProgressRow } from './ProgressRow';
import { useSession, useTestFolderRuntime } from '../../session/session-context';

/**
 * "Test folder (optional)": a second folder, never trained on, to measure the
 * trained network on data it has not seen (Inspect → Evaluation → test set).
 * Shows a short health line: usable samples per training class, classes the
 * training folder lacks (left out), skipped files with reasons.
 * `data-test-state` mirrors the load state for e2e tests.
 */
export function TestFolderSection({ trainingBusy }: { readonly trainingBusy: boolean }) {
  const { t, i18n } = useTranslation('dataset');
  const { editor: store, dataset: datasetArea } = useSession();
  const testFolder = datasetArea.testFolder;
  const host = useHost();
  const dataset = useStore(store, (s) => s.doc.dataset);
  const runtime = useTestFolderRuntime();
  const saved = dataset?.testFolder ?? null;
  const busy =
    runtime.status === 'choosing' || runtime.status === 'scanning' || runtime.status === 'loading';
  // The runtime may describe a folder of another project (the panel outlives a project switch).
  const loadedHere =
    saved !== null && runtime.grant !== null && runtime.grant.displayPath === saved.displayPath;
  const report = loadedHere && runtime.status === 'ready' ? runtime.report : null;
  const alignment = report !== null ? runtime.alignment : null;

  return (
    <section
      className="dataset-test"
      data-testid="dataset-test"
      data-test-state={runtime.status}
      aria-busy={busy}
    >
      <h3>{t('test.title')}</h3>
      <p className="panel-hint">{t(dataset === null ? 'test.needsTraining' : 'test.hint')}</p>
      {saved !== null && (
        <div
          className="dataset-saved"
          data-testid="dataset-test-saved"
          data-folder={saved.name}
          data-path={saved.displayPath}
        >
          <strong>{saved.name}</strong> <span className="dataset-path">{saved.displayPath}</span>
          {!loadedHere && !busy && <div className="panel-hint">{t('test.reloadHint')}</div>}
        </div>
      )}
      <div className="dataset-choose">
        <button
          type="button"
          data-testid="dataset-test-choose"
          disabled={dataset === null || busy || trainingBusy}
          onClick={() => void testFolder.choose(host)}
        >
          {t(saved !== null && !loadedHere ? 'chooseAgain' : 'test.choose')}
        </button>
        {saved !== null && (
          <button
            type="button"
            data-testid="dataset-test-remove"
            disabled={trainingBusy}
            onClick={() => testFolder.remove()}
          >
            {t('test.remove')}
          </button>
        )}
      </div>
      {busy && (
        <ProgressRow
          status={runtime.status}
          progress={runtime.progress}
          onCancel={testFolder.cancel}
          testId="dataset-test-progress"
          cancelTestId="dataset-test-cancel"
        />
      )}
      {runtime.status === 'error' && runtime.error !== null && (
        <p className="dataset-error" role="alert" data-testid="dataset-test-error">
          {t(runtime.error.key, runtime.error.values ?? {})}
        </p>
      )}
      {report !== null && alignment !== null && (
        <div
          className="dataset-report"
          data-testid="dataset-test-report"
          data-usable={alignment.count}
          data-skipped={report.skipped.length}
          data-unknown={alignment.unknownClasses.join('|')}
        >
          <p className="dataset-summary" data-testid="dataset-test-summary">
            {t('test.summary', {
              count: alignment.count,
              classes: alignment.perClass.filter((c) => c.count > 0).length,
              skipped: report.skipped.length,
            })}
          </p>
          {alignment.unknownClasses.length > 0 && (
            <p className="dataset-issue" role="alert" data-testid="dataset-test-unknown">
              {t('test.unknownClasses', {
                count: alignment.unknownClasses.length,
                names: formatNameList(alignment.unknownClasses, i18n.language),
                files: alignment.leftOut,
              })}
            </p>
          )}
          <BarList
            testId="dataset-test-bars"
            bars={alignment.perClass.map((c) => ({
              label: c.name,
              value: c.count,
              flagged: c.count === 0,
            }))}
          />
          <FileList
            title={t('report.skipped', { count: report.skipped.length })}
            testId="dataset-test-skipped"
            rows={report.skipped.map((s) => ({
              path: s.path,
              reason: t(`reasons.${s.reason}`),
              code: s.reason,
              detail: s.detail ?? '',
            }))}
          />
        </div>
      )}
    </section>
  );
}
