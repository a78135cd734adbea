import { findKernelPreset, formatNumber, kernelPresets, type ConvolutionLabState } from '@core';
import { useTranslation } from 'react-i18next';

import { parseTypedNumber } from '../NumberInput';

/** Kernel preset choice and the kernel as typed cells (3×3 or 5×5). */
export function KernelEditor({
  state,
  onChange,
}: {
  readonly state: ConvolutionLabState;
  readonly onChange: (patch: Partial<ConvolutionLabState>) => void;
}) {
  const { t } = useTranslation('labs');
  const k = state.kernel;
  const size = k.length;
  const setSize = (n: number) =>
    onChange({
      kernelId: null,
      kernel: Array.from({ length: n }, (_, r) =>
        Array.from(
          { length: n },
          (_, c) => k[r - Math.floor((n - size) / 2)]?.[c - Math.floor((n - size) / 2)] ?? 0,
        ),
      ),
    });
  return (
    <fieldset className="lab-fieldset">
      <legend>{t('conv.kernel')}</legend>
      <div className="lab-row">
        <select
          data-testid="conv-kernel-preset"
          value={state.kernelId ?? 'custom'}
          onChange={(e) => {
            const p = findKernelPreset(e.target.value);
            if (p) onChange({ kernelId: p.id, kernel: p.kernel.map((r) => [...r]) });
          }}
        >
          {kernelPresets.map((p) => (
            <option key={p.id} value={p.id}>
              {t(`conv.kernels.${p.id}`)}
            </option>
          ))}
          <option value="custom" disabled>
            {t('conv.customKernel')}
          </option>
        </select>
        <select
          data-testid="conv-kernel-size"
          value={size}
          onChange={(e) => setSize(Number(e.target.value))}
          aria-label={t('conv.kernelSize')}
        >
          {[1, 2, 3, 5].map((n) => (
            <option key={n} value={n}>
              {n}×{n}
            </option>
          ))}
        </select>
      </div>
      <div
        className={`kernel-grid${size > 3 ? ' kernel-grid-wide' : ''}`}
        // Kernels wider than 3 get narrower fields so a 5×5 or 7×7 kernel stays inside the panel.
        style={{ gridTemplateColumns: `repeat(${size}, ${size > 3 ? '3.7rem' : '4.2rem'})` }}
        key={`${state.kernelId ?? 'custom'}-${size}`}
      >
        {k.map((row, r) =>
          row.map((w, c) => (
            <input
              key={`${r},${c}`}
              className="lab-number"
              data-testid={`conv-kernel-${r}-${c}`}
              aria-label={`${t('conv.kernel')} [${r + 1}, ${c + 1}]`}
              defaultValue={Number.isInteger(w) ? String(w) : formatNumber(w, 4)}
              onChange={(e) => {
                const v = parseTypedNumber(e.target.value);
                e.target.classList.toggle('lab-invalid', v === null);
                if (v !== null)
                  onChange({
                    kernelId: null,
                    kernel: k.map((kr, i) => kr.map((x, j) => (i === r && j === c ? v : x))),
                  });
              }}
            />
          )),
        )}
      </div>
    </fieldset>
  );
}
