import { convSymbolicCells, inputSymbol, kernelSymbol, type ConvPlan, type Grid } from '@core';
import { useTranslation } from 'react-i18next';

/** Beyond this many output cells the list of sums is too long to read on a projector. */
const MAX_CELLS = 25;

/**
 * The convolution in the deck's symbols: the input's cells named a…y, the kernel's w1…w9,
 * and each output cell as the sum of their products.
 */
export function SymbolicView({
  input,
  kernel,
  plan,
}: {
  readonly input: Grid;
  readonly kernel: Grid;
  readonly plan: ConvPlan;
}) {
  const { t } = useTranslation('labs');
  if (plan.rows.out * plan.cols.out > MAX_CELLS)
    return <p className="muted small">{t('conv.symbolsTooLarge', { max: MAX_CELLS })}</p>;
  const cells = convSymbolicCells(input, kernel, plan);
  const kRows = kernel.length;
  const kCols = kernel[0]?.length ?? 0;
  return (
    <div className="conv-symbols" data-testid="conv-symbols">
      <div className="conv-symbol-grids">
        <SymbolGrid
          caption={t('conv.input')}
          rows={plan.rows.n}
          cols={plan.cols.n}
          name={(r, c) => inputSymbol(r, c, plan.rows.n, plan.cols.n)}
        />
        <SymbolGrid
          caption={t('conv.kernel')}
          rows={kRows}
          cols={kCols}
          name={(r, c) => kernelSymbol(r, c, kRows, kCols)}
        />
      </div>
      <ul className="conv-symbol-sums mono">
        {cells.flat().map((cell) => (
          <li key={`${cell.row},${cell.col}`} data-testid={`conv-symbol-${cell.row}-${cell.col}`}>
            out({cell.row + 1},{cell.col + 1}) = {cell.symbolic}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SymbolGrid({
  caption,
  rows,
  cols,
  name,
}: {
  readonly caption: string;
  readonly rows: number;
  readonly cols: number;
  readonly name: (r: number, c: number) => string;
}) {
  return (
    <table className="lab-table conv-symbol-grid">
      <caption>{caption}</caption>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          <tr key={r}>
            {Array.from({ length: cols }, (_, c) => (
              <td key={c} className="mono">
                {name(r, c)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
