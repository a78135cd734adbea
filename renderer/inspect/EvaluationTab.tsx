import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { EvaluationReport, SampleView } from '@core';
import { samplesInCell } from '@core';

import { ClassMetricsTable } from './ClassMetricsTable';
import { ConfusionMatrixView } from './ConfusionMatrixView';
import type { InspectClient } from './inspect-client';
import { useTestSet } from '../session/session-context';
import type { EvaluationSource } from '../workers/inspect-protocol';
import { SaliencyView } from './SaliencyView';
import { SampleGallery } from './SampleGallery';
import { useInspectRequest } from './use-inspect-request';

interface EvaluationTabProps {
  readonly client: InspectClient;
  readonly version: number;
  readonly classNames: readonly string[];
}

const GALLERY_LIMIT = 60;

/**
 * Evaluation on the validation split, or on the separate test folder when
 * one is loaded (never trained on): accuracy, loss, confusion matrix,
 * per-class metrics, the samples behind a clicked cell, the most confident
 * mistakes, and a saliency map for a chosen sample. Runs on request (a click),
 * not after every epoch, so it never slows training down.
 */
export function EvaluationTab({ client, version, classNames }: EvaluationTabProps) {
  const { t } = useTranslation('inspect');
  const [run, setRun] = useState(0);
  const [evaluatedVersion, setEvaluatedVersion] = useState<number | null>(null);
  // Only the id and size of the test set enter React; its pixels stay in the store.
  const testId = useTestSet((s) => s?.testSet?.id ?? 0);
  const testCount = useTestSet((s) => s?.testSet?.count ?? 0);
  const [chosen, setChosen] = useState<EvaluationSource>('validation');
  const source: EvaluationSource = testCount > 0 ? chosen : 'validation';
  const dataKey = `${source}|${source === 'test' ? testId : ''}`;
  const report = useInspectRequest(
    client,
    run > 0 ? { type: 'evaluate', mistakeLimit: 24, source } : null,
    `${run}|${dataKey}`,
    evaluatedVersion ?? -1,
  );
  const [cell, setCell] = useState<{ row: number; column: number } | null>(null);
  const [picked, setPicked] = useState<SampleView | null>(null);
  const value: EvaluationReport | null =
    report.status === 'done' && report.ok ? report.value : null;
  const cellIndices =
    value && cell ? samplesInCell(value, cell.row, cell.column).slice(0, GALLERY_LIMIT) : [];
  const mistakeIndices = value ? value.mistakes.map((m) => m.index) : [];
  const cellSamples = useInspectRequest(
    client,
    cellIndices.length ? { type: 'samples', indices: cellIndices, source } : null,
    `${dataKey}|${cellIndices.join(',')}`,
    evaluatedVersion ?? -1,
  );
  const mistakeSamples = useInspectRequest(
    client,
    mistakeIndices.length ? { type: 'samples', indices: mistakeIndices, source } : null,
    `${dataKey}|${mistakeIndices.join(',')}`,
    evaluatedVersion ?? -1,
  );
  // The samples of a clicked cell appear below the matrix: bring them into view once they are drawn.
  const cellSection = useRef<HTMLElement>(null);
  const cellShown = cell !== null && cellSamples.status === 'done';
  useEffect(() => {
    if (cellShown) cellSection.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [cellShown, cell]);
  // A new source (or another test folder) shows other samples: the picked ones no longer apply.
  useEffect(() => {
    setCell(null);
    setPicked(null);
  }, [dataKey]);
  const name = (i: number): string => classNames[i] ?? String(i);
  const caption = (view: SampleView): string =>
    value
      ? `${name(view.label)} → ${name(value.predictions[view.index] ?? 0)} (${((value.confidences[view.index] ?? 0) * 100).toFixed(0)}%)`
      : '';

  return (
    <div
      className="inspect-eval"
      data-testid="evaluation-tab"
      data-state={report.status}
      data-source={source}
    >
      {testCount > 0 && (
        <div role="radiogroup" aria-label={t('eval.source')} className="inspect-eval-source">
          {(['validation', 'test'] as const).map((s) => (
            <label key={s}>
              <input
                type="radio"
                name="evaluation-source"
                value={s}
                checked={source === s}
                data-testid={`eval-source-${s}`}
                onChange={() => {
                  setChosen(s);
                  // Switching the data is a request to see it evaluated.
                  if (run > 0) {
                    setEvaluatedVersion(version);
                    setRun((n) => n + 1);
                  }
                }}
              />
              {s === 'test'
                ? t('eval.sourceTest', { count: testCount })
                : t('eval.sourceValidation')}
            </label>
          ))}
        </div>
      )}
      <button
        type="button"
        data-testid="evaluate-button"
        onClick={() => {
          setEvaluatedVersion(version);
          setRun((n) => n + 1);
          setCell(null);
          setPicked(null);
        }}
      >
        {value ? t('eval.rerun') : t(source === 'test' ? 'eval.runTest' : 'eval.run')}
      </button>
      {report.status === 'loading' && <span className="panel-hint"> {t('eval.running')}</span>}
      {value && evaluatedVersion !== version && (
        <span className="panel-hint"> {t('eval.stale')}</span>
      )}
      {report.status === 'done' && !report.ok && (
        <p className="inspect-error">
          {t(`errors.${report.error.code}`, { defaultValue: report.error.message })}
        </p>
      )}
      {value && (
        <>
          <p
            className="inspect-summary"
            data-testid="eval-summary"
            data-source={source}
            data-accuracy={value.accuracy}
            data-count={value.count}
          >
            {t(source === 'test' ? 'eval.summaryTest' : 'eval.summary', {
              accuracy: (value.accuracy * 100).toFixed(1),
              loss: value.loss.toFixed(4),
              count: value.count,
            })}
          </p>
          <ConfusionMatrixView
            report={value}
            classNames={classNames}
            selected={cell}
            onSelect={(c) => {
              setCell(c);
              setPicked(null);
            }}
          />
          {cell && (
            <section data-testid="cell-samples-section" ref={cellSection}>
              <h5>
                {t('eval.cellTitle', {
                  truth: name(cell.row),
                  predicted: name(cell.column),
                  count: value.confusion[cell.row * value.classCount + cell.column] ?? 0,
                })}
              </h5>
              {cellSamples.status === 'done' && cellSamples.ok && (
                <SampleGallery
                  testId="cell-samples"
                  samples={cellSamples.value}
                  captionOf={caption}
                  onPick={setPicked}
                  picked={picked?.index ?? null}
                />
              )}
            </section>
          )}
          {picked && (
            <SaliencyView
              client={client}
              version={evaluatedVersion ?? version}
              index={picked.index}
              source={source}
              classIndex={value.predictions[picked.index] ?? 0}
              classNames={classNames}
            />
          )}
          <ClassMetricsTable report={value} classNames={classNames} />
          <section>
            <h5>{t('eval.mistakesTitle')}</h5>
            {mistakeSamples.status === 'done' && mistakeSamples.ok && (
              <SampleGallery
                testId="mistakes"
                samples={mistakeSamples.value}
                captionOf={caption}
                onPick={setPicked}
                picked={picked?.index ?? null}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}
