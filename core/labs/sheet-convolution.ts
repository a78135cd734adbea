/**
 * The convolution lab's sheet: the output size from its formula, every output cell as
 * symbols (a…y, w1…w9) and as numbers, then each pooling window.
 */
import { err, ok, type Result } from '../result';
import type { AnswerKeyBlock, AnswerKeyLanguage } from './answer-key';
import type { FormulaLine } from './backprop-formulas';
import { conv2d, convCellTerms, pool2d, poolCell, type AxisPlan, type Grid } from './convolution';
import { convSymbolicCells } from './convolution-symbols';
import { formatFactor, formatNumber } from './format';
import type { ConvolutionLabState } from './lab-file';
import type { LabSheetContent, LabSheetError } from './lab-sheet';

/** Most output cells written out; a 28×28 image's 676 cells are not a handout. */
const MAX_CELLS = 49;

const WORDS = {
  en: {
    input: 'Input',
    kernel: 'Kernel',
    settings: (s: ConvolutionLabState) =>
      `Stride ${s.stride}, padding ${String(s.padding)}, dilation ${s.dilation}`,
    pool: (s: ConvolutionLabState) =>
      `Pooling: ${s.pool.kind === 'max' ? 'max' : 'average'}, ${s.pool.size}×${s.pool.size}, stride ${s.pool.stride}`,
    size: 'Output size',
    rows: 'rows',
    cols: 'columns',
    cells: 'Output cells',
    pooled: 'Pooling',
    cut: (n: number) => `Only the first ${n} cells are written out.`,
    symbols:
      'Symbols: the input cells are named a, b, c, … row by row (x(r,c) on grids over 26 cells), the kernel cells w1…w9.',
  },
  'zh-CN': {
    input: '输入',
    kernel: '卷积核',
    settings: (s: ConvolutionLabState) =>
      `步长 ${s.stride}，填充 ${String(s.padding)}，膨胀 ${s.dilation}`,
    pool: (s: ConvolutionLabState) =>
      `池化：${s.pool.kind === 'max' ? '最大' : '平均'}，${s.pool.size}×${s.pool.size}，步长 ${s.pool.stride}`,
    size: '输出尺寸',
    rows: '行',
    cols: '列',
    cells: '输出格',
    pooled: '池化',
    cut: (n: number) => `只写出前 ${n} 个格子。`,
    symbols:
      '符号：输入各格按行依次记为 a、b、c……（超过 26 格的网格记为 x(r,c)），卷积核各格记为 w1…w9。',
  },
} as const;

/** Integers as integers (the deck's 0/1 grids), other numbers with four decimals. */
const num = (v: number): string => formatNumber(v, Number.isInteger(v) ? 0 : 4);
const factor = (v: number): string => formatFactor(v, Number.isInteger(v) ? 0 : 4);
const gridText = (g: Grid): string => `[${g.map((r) => `[${r.map(num).join(', ')}]`).join(', ')}]`;

function sizeLine(axis: string, a: AxisPlan): FormulaLine {
  return {
    lhs: `${axis}`,
    symbolic: '⌊(n + p₁ + p₂ − d(k − 1) − 1) / s⌋ + 1',
    substituted: `⌊(${a.n} + ${a.padBefore} + ${a.padAfter} − ${a.dilation}·(${a.k} − 1) − 1) / ${a.stride}⌋ + 1`,
    result: String(a.out),
  };
}

export function convolutionSheet(
  s: ConvolutionLabState,
  lang: AnswerKeyLanguage,
): Result<LabSheetContent, LabSheetError> {
  const w = WORDS[lang];
  const conv = conv2d(s.input, s.kernel, {
    stride: s.stride,
    padding: s.padding,
    dilation: s.dilation,
  });
  if (!conv.ok) return err(conv.error);
  const { plan, output } = conv.value;
  const symbols = convSymbolicCells(s.input, s.kernel, plan).flat();
  const cells: FormulaLine[] = [];
  for (const cell of symbols.slice(0, MAX_CELLS)) {
    const { terms, sum } = convCellTerms(s.input, s.kernel, plan, cell.row, cell.col);
    const inside = terms.filter((t) => t.inside);
    cells.push({
      lhs: `out(${cell.row + 1},${cell.col + 1})`,
      symbolic: cell.symbolic,
      substituted:
        inside.length > 0 ? inside.map((t) => `${factor(t.x)}·${factor(t.w)}`).join(' + ') : '0',
      result: num(sum),
    });
  }
  const blocks: AnswerKeyBlock[] = [
    { heading: w.size, lines: [sizeLine(w.rows, plan.rows), sizeLine(w.cols, plan.cols)] },
    {
      heading: w.cells,
      lines: symbols.length > MAX_CELLS ? [...cells, { note: w.cut(MAX_CELLS) }] : cells,
    },
  ];
  const pooled = pool2d(output, s.pool);
  if (pooled.ok) {
    const lines: FormulaLine[] = [];
    for (let r = 0; r < pooled.value.rows; r++)
      for (let c = 0; c < pooled.value.cols; c++) {
        if (lines.length >= MAX_CELLS) break;
        const cell = poolCell(output, s.pool, r, c);
        const fn = s.pool.kind === 'max' ? 'max' : 'mean';
        lines.push({
          lhs: `pool(${r + 1},${c + 1})`,
          symbolic: `${fn}(${cell.cells.map((x) => `out(${x.row + 1},${x.col + 1})`).join(', ')})`,
          substituted: `${fn}(${cell.cells.map((x) => num(x.value)).join(', ')})`,
          result: num(cell.result),
        });
      }
    blocks.push({ heading: w.pooled, lines });
  }
  return ok({
    given: [
      `${w.input} (${plan.rows.n}×${plan.cols.n}): ${gridText(s.input)}`,
      `${w.kernel} (${plan.rows.k}×${plan.cols.k}): ${gridText(s.kernel)}`,
      w.settings(s),
      w.pool(s),
    ],
    notes: [w.symbols],
    blocks,
    decimals: null,
  });
}
