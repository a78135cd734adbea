import { formatNumber } from '@core';
import { useState } from 'react';

import { parseTypedNumber } from '../NumberInput';

export interface GridViewProps {
  readonly grid: readonly (readonly number[])[];
  readonly testId: string;
  /** `type`: each cell is a text box; `paint`: drag to set cells to `brush`; `view`: read-only. */
  readonly mode: 'type' | 'paint' | 'view';
  readonly brush?: number;
  readonly onCellChange?: (row: number, col: number, value: number) => void;
  readonly onCellClick?: (row: number, col: number) => void;
  /** Cells to mark, by "row,col" (may include padding cells at negative or out-of-range coordinates). */
  readonly highlight?: ReadonlyMap<string, string>;
  /** Zero padding drawn as ghost cells around the grid. */
  readonly pad?:
    | {
        readonly top: number;
        readonly bottom: number;
        readonly left: number;
        readonly right: number;
      }
    | undefined;
  readonly selected?: { readonly row: number; readonly col: number } | null;
  readonly decimals?: number;
  readonly label: string;
}

function cellSize(cols: number): number {
  return cols <= 7 ? 44 : cols <= 12 ? 34 : cols <= 16 ? 22 : 15;
}

/** Colour of a value: blue shades for 0…max, red for negatives (so edges show both signs). */
function cellColor(v: number, maxAbs: number): string {
  if (!(maxAbs > 0) || v === 0) return 'var(--panel)';
  const s = Math.min(1, Math.abs(v) / maxAbs);
  return v > 0 ? `hsl(215 70% ${96 - s * 58}%)` : `hsl(5 70% ${96 - s * 50}%)`;
}

/** A grid of numbers as coloured cells; typed, painted or clicked depending on `mode`. */
export function GridView({
  grid,
  testId,
  mode,
  brush = 1,
  onCellChange,
  onCellClick,
  highlight,
  pad,
  selected,
  decimals = 2,
  label,
}: GridViewProps) {
  const [painting, setPainting] = useState(false);
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const p = pad ?? { top: 0, bottom: 0, left: 0, right: 0 };
  const size = cellSize(cols + p.left + p.right);
  const showNumbers = cols + p.left + p.right <= 12;
  const maxAbs = Math.max(0, ...grid.flat().map(Math.abs));
  const cells = [];
  for (let r = -p.top; r < rows + p.bottom; r++) {
    for (let c = -p.left; c < cols + p.right; c++) {
      const inside = r >= 0 && c >= 0 && r < rows && c < cols;
      const v = inside ? (grid[r]?.[c] ?? 0) : 0;
      const mark = highlight?.get(`${r},${c}`);
      const isSelected = selected?.row === r && selected.col === c;
      const cls = `grid-cell${inside ? '' : ' grid-pad'}${mark ? ` ${mark}` : ''}${isSelected ? ' grid-selected' : ''}${onCellClick && inside ? ' grid-clickable' : ''}`;
      const key = `${r},${c}`;
      const dark = inside && maxAbs > 0 && Math.abs(v) / maxAbs > 0.6;
      const common = {
        className: cls,
        style: {
          background: inside ? cellColor(v, maxAbs) : undefined,
          color: !inside || v === 0 || !(maxAbs > 0) ? undefined : dark ? '#fff' : '#1b2130',
          width: size,
          height: size,
        },
        title: `[${r + 1}, ${c + 1}] = ${formatNumber(v, 4)}`,
        'data-testid': inside ? `${testId}-cell-${r}-${c}` : undefined,
      };
      if (inside && mode === 'type' && showNumbers) {
        cells.push(
          <input
            key={key}
            {...common}
            aria-label={`${label} [${r + 1}, ${c + 1}]`}
            defaultValue={formatNumber(v, Number.isInteger(v) ? 0 : decimals)}
            onChange={(e) => {
              const x = parseTypedNumber(e.target.value);
              e.target.classList.toggle('lab-invalid', x === null);
              if (x !== null) onCellChange?.(r, c, x);
            }}
          />,
        );
      } else {
        cells.push(
          <div
            key={key}
            {...common}
            role={onCellClick && inside ? 'button' : undefined}
            tabIndex={onCellClick && inside ? 0 : undefined}
            onClick={() => inside && onCellClick?.(r, c)}
            onKeyDown={(e) => inside && (e.key === 'Enter' || e.key === ' ') && onCellClick?.(r, c)}
            onMouseDown={() => {
              if (mode !== 'paint' || !inside) return;
              setPainting(true);
              onCellChange?.(r, c, brush);
            }}
            onMouseEnter={() =>
              painting && mode === 'paint' && inside && onCellChange?.(r, c, brush)
            }
          >
            {showNumbers ? formatNumber(v, Number.isInteger(v) ? 0 : decimals) : ''}
          </div>,
        );
      }
    }
  }
  return (
    <div
      className={`grid-view grid-mode-${mode}`}
      data-testid={testId}
      data-rows={rows}
      data-cols={cols}
      role="group"
      aria-label={label}
      style={{ gridTemplateColumns: `repeat(${cols + p.left + p.right}, ${size}px)` }}
      onMouseUp={() => setPainting(false)}
      onMouseLeave={() => setPainting(false)}
    >
      {cells}
    </div>
  );
}
