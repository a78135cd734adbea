/**
 * The convolution written in symbols, as the course deck does: the 5×5 input's cells are
 * a…y row by row, the 3×3 kernel's are w1…w9, and each output cell is a sum of products
 * such as a·w1 + b·w2 + c·w3 + f·w4 + … . Larger grids have more than 26 cells, so their
 * inputs are named x(r,c) (1-based) and kernels w(r,c) beyond nine cells.
 */
import type { ConvPlan, Grid } from './convolution';
import { convCellTerms } from './convolution';

/** Name of input cell (row, col), 0-based, of a `rows`×`cols` grid: a…y for up to 26 cells. */
export function inputSymbol(row: number, col: number, rows: number, cols: number): string {
  if (rows * cols <= 26) return String.fromCharCode(97 + row * cols + col);
  return `x(${row + 1},${col + 1})`;
}

/** Name of kernel cell (row, col), 0-based: w1…w9 for up to nine cells, w(r,c) beyond. */
export function kernelSymbol(row: number, col: number, rows: number, cols: number): string {
  if (rows * cols <= 9) return `w${row * cols + col + 1}`;
  return `w(${row + 1},${col + 1})`;
}

/** One output cell in symbols: `symbolic` names every product; padding cells are left out. */
export interface SymbolicCell {
  readonly row: number;
  readonly col: number;
  readonly symbolic: string;
}

/** Every output cell of the convolution as a sum of symbol products, row by row. */
export function convSymbolicCells(input: Grid, kernel: Grid, plan: ConvPlan): SymbolicCell[][] {
  const kRows = kernel.length;
  const kCols = kernel[0]?.length ?? 0;
  return Array.from({ length: plan.rows.out }, (_, r) =>
    Array.from({ length: plan.cols.out }, (_, c) => {
      const products = convCellTerms(input, kernel, plan, r, c)
        .terms.filter((term) => term.inside)
        .map(
          (term) =>
            `${inputSymbol(term.row, term.col, plan.rows.n, plan.cols.n)}·${kernelSymbol(term.kRow, term.kCol, kRows, kCols)}`,
        );
      return { row: r, col: c, symbolic: products.length > 0 ? products.join(' + ') : '0' };
    }),
  );
}
