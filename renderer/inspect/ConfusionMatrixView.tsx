import { useTranslation } from 'react-i18next';

import type { EvaluationReport } from '@core';

import { colorScaleFor, cssColorAt } from './paint/color-scale';

interface ConfusionMatrixViewProps {
  readonly report: EvaluationReport;
  readonly classNames: readonly string[];
  readonly selected: { readonly row: number; readonly column: number } | null;
  readonly onSelect: (cell: { row: number; column: number }) => void;
}

const rateScale = colorScaleFor(0, 1);

/** Counts and row-normalised rates; rows are true classes, columns predictions. Click a cell to see its samples. */
export function ConfusionMatrixView({
  report,
  classNames,
  selected,
  onSelect,
}: ConfusionMatrixViewProps) {
  const { t } = useTranslation('inspect');
  const k = report.classCount;
  const name = (i: number): string => classNames[i] ?? String(i);
  return (
    <div className="inspect-confusion-wrap">
      <table className="inspect-confusion" data-testid="confusion-matrix">
        <caption>{t('eval.confusionCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="inspect-corner">
              {t('eval.trueVsPredicted')}
            </th>
            {/* Names written vertically so ten classes fit the panel; a long one ends in …, the full name is its tooltip. */}
            {Array.from({ length: k }, (_, c) => (
              <th key={c} scope="col" title={name(c)} className="inspect-confusion-col">
                <span>{name(c)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: k }, (_, r) => (
            <tr key={r}>
              <th scope="row" title={name(r)}>
                {name(r)}
              </th>
              {Array.from({ length: k }, (_, c) => {
                const count = report.confusion[r * k + c] ?? 0;
                const rate = report.confusionRates[r * k + c] ?? 0;
                const isSelected = selected?.row === r && selected.column === c;
                return (
                  <td
                    key={c}
                    data-testid={`cell-${r}-${c}`}
                    data-count={count}
                    className={`${r === c ? 'diag' : ''} ${isSelected ? 'selected' : ''}`}
                    style={{
                      background: cssColorAt(rateScale, rate),
                      color: rate > 0.55 ? '#111' : '#fff',
                    }}
                    aria-label={t('eval.cellLabel', {
                      count,
                      rate: (rate * 100).toFixed(1),
                      truth: name(r),
                      predicted: name(c),
                    })}
                    onClick={() => onSelect({ row: r, column: c })}
                  >
                    <button type="button" className="inspect-cell-button" disabled={count === 0}>
                      <strong>{count}</strong>
                      <small>{(rate * 100).toFixed(0)}%</small>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
