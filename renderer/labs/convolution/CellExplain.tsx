import { convCellTerms, formatNumber, type ConvPlan, type Grid } from '@core';
import { useTranslation } from 'react-i18next';

/** The multiply-add of the selected output cell, term by term. */
export function CellExplain({
  input,
  kernel,
  plan,
  row,
  col,
}: {
  readonly input: Grid;
  readonly kernel: Grid;
  readonly plan: ConvPlan;
  readonly row: number;
  readonly col: number;
}) {
  const { t } = useTranslation('labs');
  const { terms, sum } = convCellTerms(input, kernel, plan, row, col);
  const f = (v: number) => {
    const s = formatNumber(v, Number.isInteger(v) ? 0 : 3);
    return v < 0 ? `(${s})` : s;
  };
  return (
    <div className="conv-explain" data-testid="conv-cell-explain">
      <h3>{t('conv.cellTitle', { row: row + 1, col: col + 1 })}</h3>
      <p className="mono conv-terms" data-testid="conv-terms">
        {terms.map((term, i) => (
          <span key={i} className={term.inside ? '' : 'muted'}>
            {i > 0 ? ' + ' : ''}
            {f(term.x)}×{f(term.w)}
          </span>
        ))}{' '}
        ={' '}
        <strong data-testid="conv-cell-sum">
          {formatNumber(sum, Number.isInteger(sum) ? 0 : 4)}
        </strong>
      </p>
      <p className="muted small">{t('conv.cellHint')}</p>
    </div>
  );
}
