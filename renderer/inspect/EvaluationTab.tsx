import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { EvaluationReport, SampleView } from '@core';
import { samplesInCell } from '@core';

import { ClassMetricsTable } from './ClassMetricsTable';
import { ConfusionMatrixView } from './ConfusionMatrixView';
import type { InspectClient } from './inspect-client';
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
 * Evaluation on the validation split: accuracy, loss, confusion matrix,
 * per-class metrics, the samples behind a clicked cell, the most confident
 * mistakes, and a saliency map for a chosen sample. Runs on request (a click),
 * not after every epoch, so it never slows training down.
 */
export function EvaluationTab({ client, version, classNames }: EvaluationTabProps) {
  const { t } = useTranslation('inspect');
  const [run, setRun] = useState(0);
  const [evaluatedVersion, setEvaluatedVersion] = useState<number | null>(null);
  const report = useInspectRequest(
    client,
    run > 0 ? { type: 'evaluate', mistakeLimit: 24 } : null,
    String(run),
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
    cellIndices.length ? { type: 'samples', indices: cellIndices } : null,
    cellIndices.join(','),
    evaluatedVersion ?? -1,
  );
  const mistakeSamples = useInspectRequest(
    client,
    mistakeIndices.length ? { type: 'samples', indices: mistakeIndices } : null,
    mistakeIndices.join(','),
    evaluatedVersion ?? -1,
  );
  const name = (i: number): string => classNames[i] ?? String(i);
  const caption = (view: SampleView): string =>
    value
      ? `${name(view.label)} → ${name(value.predictions[view.index] ?? 0)} (${((value.confidences[view.index] ?? 0) * 100).toFixed(0)}%)`
      : '';

  return (
    <div className="inspect-eval" data-testid="evaluation-tab" data-state={report.status}>
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
        {value ? t('eval.rerun') : t('eval.run')}
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
          <p className="inspect-summary" data-testid="eval-summary">
            {t('eval.summary', {
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
            <section data-testid="cell-samples-section">
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
