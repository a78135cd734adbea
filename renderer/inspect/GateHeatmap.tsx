import { useCallback } from 'react';

import type { ColorScale } from './paint/color-scale';
import { colorTable, scalePosition } from './paint/color-scale';
import { useCanvas } from './use-canvas';

/** Geometry shared by the token axis and every heat map, so columns line up. */
export interface GateGrid {
  /** Width of one token column and height of one unit row, CSS pixels. */
  readonly cellWidth: number;
  readonly cellHeight: number;
  /** Room for the unit labels at the left. */
  readonly labelWidth: number;
}

interface GateHeatmapProps {
  /** [steps × units] values, step s and unit j at s·units + j. */
  readonly values: Float32Array;
  /** The trace steps drawn as columns, left to right (real tokens; padding left out). */
  readonly columns: readonly number[];
  readonly units: number;
  /** Which units to draw, top to bottom. */
  readonly shownUnits: readonly number[];
  readonly scale: ColorScale;
  readonly grid: GateGrid;
  readonly testId: string;
  readonly ariaLabel: string;
  readonly onHover: (cell: { step: number; unit: number } | null) => void;
}

/** One signal (a gate, the cell or the hidden state) as a heat map: tokens across, units down. */
export function GateHeatmap(props: GateHeatmapProps) {
  const { values, columns, units, shownUnits, scale, grid } = props;
  const steps = columns.length;
  const width = grid.labelWidth + steps * grid.cellWidth;
  const height = shownUnits.length * grid.cellHeight;
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      const table = colorTable(scale);
      // Cells as raw pixels (one pass, no per-cell fillStyle parsing): 200 tokens × 64 units × 6 maps stay fast.
      const mapWidth = Math.max(1, steps * grid.cellWidth);
      const image = ctx.createImageData(mapWidth, Math.max(1, height));
      const data = image.data;
      shownUnits.forEach((unit, row) => {
        for (let s = 0; s < steps; s++) {
          const v = values[columns[s]! * units + unit] ?? 0;
          const k = Math.round(scalePosition(scale, v) * 255) * 3;
          const [r, g, b] = [table[k]!, table[k + 1]!, table[k + 2]!];
          for (let dy = 0; dy < grid.cellHeight; dy++) {
            let at = ((row * grid.cellHeight + dy) * mapWidth + s * grid.cellWidth) * 4;
            for (let dx = 0; dx < grid.cellWidth; dx++, at += 4) {
              data[at] = r;
              data[at + 1] = g;
              data[at + 2] = b;
              data[at + 3] = 255;
            }
          }
        }
      });
      ctx.putImageData(image, grid.labelWidth, 0);
      ctx.font = '10px sans-serif';
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'right';
      ctx.fillStyle = '#555';
      shownUnits.forEach((unit, row) =>
        ctx.fillText(`u${unit}`, grid.labelWidth - 4, (row + 0.5) * grid.cellHeight),
      );
    },
    [values, columns, steps, units, shownUnits, scale, grid, height],
  );
  const ref = useCanvas(width, height, paint);
  return (
    <canvas
      ref={ref}
      className="gate-map"
      data-testid={props.testId}
      data-steps={steps}
      data-units={shownUnits.length}
      role="img"
      aria-label={props.ariaLabel}
      style={{ width, height }}
      onMouseMove={(e) => {
        const rect = e.currentTarget.getBoundingClientRect();
        const step = Math.floor((e.clientX - rect.left - grid.labelWidth) / grid.cellWidth);
        const row = Math.floor((e.clientY - rect.top) / grid.cellHeight);
        const unit = shownUnits[row];
        props.onHover(step >= 0 && step < steps && unit !== undefined ? { step, unit } : null);
      }}
      onMouseLeave={() => props.onHover(null)}
    />
  );
}

interface TokenAxisProps {
  readonly tokens: readonly string[];
  readonly grid: GateGrid;
  readonly height: number;
}

const fontStack =
  "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** The tokens written upwards above their columns (every one while they fit, else every n-th). */
export function TokenAxis({ tokens, grid, height }: TokenAxisProps) {
  const width = grid.labelWidth + tokens.length * grid.cellWidth;
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      ctx.font = `11px ${fontStack}`;
      ctx.fillStyle = '#333';
      ctx.textBaseline = 'middle';
      const every = Math.max(1, Math.ceil(12 / grid.cellWidth));
      tokens.forEach((token, s) => {
        if (s % every !== 0) return;
        ctx.save();
        ctx.translate(grid.labelWidth + (s + 0.5) * grid.cellWidth, height - 2);
        ctx.rotate(-Math.PI / 2);
        const text = token.length > 12 ? `${token.slice(0, 11)}…` : token;
        ctx.fillText(text, 0, 0);
        ctx.restore();
      });
    },
    [tokens, grid, height],
  );
  const ref = useCanvas(width, height, paint);
  return (
    <canvas
      ref={ref}
      className="gate-axis"
      data-testid="gate-tokens"
      aria-hidden="true"
      style={{ width, height }}
    />
  );
}
