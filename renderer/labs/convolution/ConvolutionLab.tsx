import {
  conv2d,
  convCellTerms,
  convExamples,
  findKernelPreset,
  gridFromRgba,
  sampleImageGrid,
  sampleImages,
  type AxisPlan,
  type ConvolutionLabState,
} from '@core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { NumberInput } from '../NumberInput';
import { CellExplain } from './CellExplain';
import { GridView } from './GridView';
import { KernelEditor } from './KernelEditor';
import { useFieldLocked } from '../lab-mode';
import { LockedGroup } from '../LockedGroup';
import { PoolPanel } from './PoolPanel';
import { SymbolicView } from './SymbolicView';

export interface ConvolutionLabProps {
  readonly initial: ConvolutionLabState;
  readonly onChange: (state: ConvolutionLabState) => void;
}

const SIZES = [5, 7, 10, 14, 28];

/** ⌊(n + p₁ + p₂ − d(k−1) − 1)/s⌋ + 1 with this axis's numbers. */
function sizeFormula(a: AxisPlan): string {
  return `⌊(${a.n} + ${a.padBefore} + ${a.padAfter} − ${a.dilation}·(${a.k}−1) − 1) / ${a.stride}⌋ + 1 = ${a.out}`;
}

async function imageFileToRgba(
  file: File,
): Promise<{ data: Uint8ClampedArray; width: number; height: number } | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    return {
      data: ctx.getImageData(0, 0, canvas.width, canvas.height).data,
      width: canvas.width,
      height: canvas.height,
    };
  } catch {
    return null;
  }
}

/** Convolution & pooling: input grid, kernel, stride/padding/dilation, output with each cell explained. */
export function ConvolutionLab({ initial, onChange }: ConvolutionLabProps) {
  const inputLocked = useFieldLocked('input');
  const { t } = useTranslation('labs');
  const [state, setState] = useState<ConvolutionLabState>(initial);
  const [mode, setMode] = useState<'type' | 'paint'>('type');
  const [brush, setBrush] = useState(1);
  const [version, setVersion] = useState(0);
  // The example the lab opened on, if its input is one (a saved or Inspect-opened lab may not be).
  const [source, setSource] = useState<string>(
    () =>
      convExamples.find((e) => JSON.stringify(e.input) === JSON.stringify(initial.input))?.id ??
      'opened',
  );
  const [imageError, setImageError] = useState<string | null>(null);
  const [symbols, setSymbols] = useState(false);
  const origin = convExamples.find((e) => e.id === source)?.origin;
  useEffect(() => {
    onChange(state);
  }, [state, onChange]);

  const patch = (p: Partial<ConvolutionLabState>) => setState((s) => ({ ...s, ...p }));
  const loadInput = (input: number[][], extra: Partial<ConvolutionLabState> = {}) => {
    setState((s) => ({ ...s, input, selected: null, ...extra }));
    setVersion((v) => v + 1);
  };
  const chooseSource = (id: string) => {
    setSource(id);
    setImageError(null);
    const ex = convExamples.find((e) => e.id === id);
    if (ex) {
      const kernel = findKernelPreset(ex.kernelId)?.kernel ?? [[1]];
      loadInput(
        ex.input.map((r) => [...r]),
        {
          kernel: kernel.map((r) => [...r]),
          kernelId: ex.kernelId,
          stride: 1,
          padding: 'valid',
          dilation: 1,
        },
      );
      return;
    }
    const sample = sampleImages.find((s) => `sample:${s.id}` === id);
    if (sample) {
      loadInput(sampleImageGrid(sample));
      setMode('paint');
      return;
    }
    const blank = /^blank:(\d+)$/.exec(id);
    if (blank)
      loadInput(
        Array.from({ length: Number(blank[1]) }, () =>
          Array.from({ length: Number(blank[1]) }, () => 0),
        ),
      );
  };
  const loadImage = async (file: File | undefined) => {
    if (!file) return;
    const img = await imageFileToRgba(file);
    if (!img) {
      setImageError(t('errors.conv-image-unreadable', { name: file.name }));
      return;
    }
    setImageError(null);
    setSource('file');
    loadInput(gridFromRgba(img.data, img.width, img.height, 28));
    setMode('paint');
  };

  const result = useMemo(
    () =>
      conv2d(state.input, state.kernel, {
        stride: state.stride,
        padding: state.padding,
        dilation: state.dilation,
      }),
    [state.input, state.kernel, state.stride, state.padding, state.dilation],
  );
  const plan = result.ok ? result.value.plan : null;
  const sel =
    state.selected &&
    plan &&
    state.selected.row < plan.rows.out &&
    state.selected.col < plan.cols.out
      ? state.selected
      : null;
  const windowCells = useMemo(() => {
    const m = new Map<string, string>();
    if (sel && plan)
      for (const term of convCellTerms(state.input, state.kernel, plan, sel.row, sel.col).terms)
        m.set(`${term.row},${term.col}`, 'grid-window');
    return m;
  }, [sel, plan, state.input, state.kernel]);

  return (
    <div className="conv-lab">
      <section className="lab-panel lab-controls" aria-labelledby="conv-input-heading">
        <h2 id="conv-input-heading">{t('conv.input')}</h2>
        <LockedGroup fields={['input']}>
          <div className="lab-row">
            <select
              data-testid="conv-source"
              value={source}
              onChange={(e) => chooseSource(e.target.value)}
              aria-label={t('conv.source')}
            >
              {convExamples.map((e) => (
                <option key={e.id} value={e.id}>
                  {t(`conv.examples.${e.id}`)}
                </option>
              ))}
              {sampleImages.map((s) => (
                <option key={s.id} value={`sample:${s.id}`}>
                  {t('conv.sample', { name: t(`conv.samples.${s.id}`) })}
                </option>
              ))}
              {SIZES.map((n) => (
                <option key={n} value={`blank:${n}`}>
                  {t('conv.blank', { n })}
                </option>
              ))}
              {source === 'file' ? <option value="file">{t('conv.fromFile')}</option> : null}
              {source === 'opened' ? <option value="opened">{t('conv.openedGrid')}</option> : null}
            </select>
            <label className="btn">
              {t('conv.loadImage')}
              <input
                type="file"
                accept="image/png,image/jpeg,image/gif,image/bmp,image/webp"
                hidden
                data-testid="conv-image-file"
                onChange={(e) =>
                  void loadImage(e.target.files?.[0]).finally(() => (e.target.value = ''))
                }
              />
            </label>
          </div>
          {origin ? (
            <p className="muted small" data-testid="conv-origin" data-origin={origin}>
              {t(`conv.origin.${origin}`)}
            </p>
          ) : null}
          {imageError ? <p className="lab-error">{imageError}</p> : null}
          <div className="lab-row">
            <label className="lab-inline">
              <input
                type="radio"
                name="conv-mode"
                checked={mode === 'type'}
                onChange={() => setMode('type')}
                data-testid="conv-mode-type"
              />
              {t('conv.modeType')}
            </label>
            <label className="lab-inline">
              <input
                type="radio"
                name="conv-mode"
                checked={mode === 'paint'}
                onChange={() => setMode('paint')}
                data-testid="conv-mode-paint"
              />
              {t('conv.modePaint')}
            </label>
            {mode === 'paint' ? (
              <label className="lab-inline">
                {t('conv.brush')}
                <NumberInput value={brush} onChange={setBrush} testId="conv-brush" />
              </label>
            ) : null}
          </div>
        </LockedGroup>
        <LockedGroup fields={['kernel']}>
          <KernelEditor state={state} onChange={patch} />
        </LockedGroup>
        <div className="lab-row">
          <label className="lab-inline">
            {t('conv.stride')}
            <select
              data-testid="conv-stride"
              value={state.stride}
              onChange={(e) => patch({ stride: Number(e.target.value), selected: null })}
            >
              {[1, 2, 3].map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="lab-inline">
            {t('conv.padding')}
            <select
              data-testid="conv-padding"
              value={String(state.padding)}
              onChange={(e) =>
                patch({
                  padding:
                    e.target.value === 'valid' || e.target.value === 'same'
                      ? e.target.value
                      : Number(e.target.value),
                  selected: null,
                })
              }
            >
              <option value="valid">{t('conv.paddingValid')}</option>
              <option value="same">{t('conv.paddingSame')}</option>
              {[1, 2, 3].map((p) => (
                <option key={p} value={p}>
                  p = {p}
                </option>
              ))}
            </select>
          </label>
          <label className="lab-inline">
            {t('conv.dilation')}
            <select
              data-testid="conv-dilation"
              value={state.dilation}
              onChange={(e) => patch({ dilation: Number(e.target.value), selected: null })}
            >
              {[1, 2, 3].map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>
      <section className="lab-panel" aria-labelledby="conv-result-heading">
        <h2 id="conv-result-heading">{t('conv.result')}</h2>
        {plan ? (
          <div className="conv-formula" data-testid="conv-size-explain">
            <p>
              {t('conv.outputSize')}:{' '}
              <strong data-testid="conv-output-size">{`${plan.rows.out}×${plan.cols.out}`}</strong>
            </p>
            <p className="mono small">out = ⌊(n + p₁ + p₂ − d(k − 1) − 1) / s⌋ + 1</p>
            <p className="mono small">
              {t('conv.rows')}: {sizeFormula(plan.rows)}
            </p>
            {plan.cols.n !== plan.rows.n || plan.cols.k !== plan.rows.k ? (
              <p className="mono small">
                {t('conv.cols')}: {sizeFormula(plan.cols)}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="conv-grids">
          <div>
            <h3 className="small">
              {t('conv.input')} {state.input.length}×{state.input[0]?.length ?? 0}
            </h3>
            <LockedGroup fields={['input']}>
              <GridView
                key={version}
                grid={state.input}
                testId="conv-input"
                mode={inputLocked ? 'view' : mode}
                brush={brush}
                label={t('conv.input')}
                highlight={windowCells}
                pad={
                  plan
                    ? {
                        top: plan.rows.padBefore,
                        bottom: plan.rows.padAfter,
                        left: plan.cols.padBefore,
                        right: plan.cols.padAfter,
                      }
                    : undefined
                }
                onCellChange={(r, c, v) =>
                  setState((s) => ({
                    ...s,
                    input: s.input.map((row, i) =>
                      i === r ? row.map((x, j) => (j === c ? v : x)) : row,
                    ),
                  }))
                }
              />
            </LockedGroup>
          </div>
          <span className="conv-arrow">→</span>
          <div>
            <h3 className="small">{t('conv.output')}</h3>
            {result.ok ? (
              <GridView
                grid={result.value.output}
                testId="conv-output"
                mode="view"
                label={t('conv.output')}
                selected={sel}
                onCellClick={(row, col) => patch({ selected: { row, col } })}
                decimals={2}
              />
            ) : (
              <p className="lab-error" role="alert" data-testid="conv-error">
                {t(`errors.${result.error.code}`)}
              </p>
            )}
          </div>
        </div>
        <label className="lab-inline">
          <input
            type="checkbox"
            checked={symbols}
            onChange={(e) => setSymbols(e.target.checked)}
            data-testid="conv-symbols-toggle"
          />
          {t('conv.symbols')}
        </label>
        {plan && symbols ? (
          <SymbolicView input={state.input} kernel={state.kernel} plan={plan} />
        ) : null}
        {plan && sel ? (
          <CellExplain
            input={state.input}
            kernel={state.kernel}
            plan={plan}
            row={sel.row}
            col={sel.col}
          />
        ) : (
          <p className="muted small">{t('conv.clickHint')}</p>
        )}
      </section>
      {result.ok ? (
        <PoolPanel
          grid={result.value.output}
          pool={state.pool}
          onChange={(pool) => patch({ pool })}
        />
      ) : null}
    </div>
  );
}
