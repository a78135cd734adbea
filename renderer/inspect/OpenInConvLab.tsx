import { kernelFromConv2DWeights, type ConvFilters, type LabFile } from '@core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The labs are loaded lazily (as on the start screen), only when a filter is opened in one.
const LabScreen = lazy(() => import('../labs/LabsArea').then((m) => ({ default: m.LabScreen })));
const labDefaults = () => import('../labs/lab-defaults');

/**
 * "Open in the convolution lab": one trained filter (for one input channel) as the lab's
 * kernel, on the lab's 7×7 example input, so its multiply-add can be followed cell by cell.
 */
export function OpenInConvLab({
  filters,
  filter,
  inChannel,
}: {
  readonly filters: ConvFilters;
  readonly filter: number;
  readonly inChannel: number;
}) {
  const { t } = useTranslation('inspect');
  const [file, setFile] = useState<LabFile | null>(null);
  const shape = filters.kernel.shape;
  // Conv2D only: a DepthwiseConv2D kernel has the same rank but another meaning of its last axis.
  if (filters.className !== 'Conv2D' || shape.length !== 4) return null;
  const [kh = 1, kw = 1, cin = 1, cout = 1] = shape;
  const open = async () => {
    const { convolutionLabWithKernel } = await labDefaults();
    const kernel = kernelFromConv2DWeights(
      filters.kernel.values,
      [kh, kw, cin, cout],
      inChannel,
      filter,
    );
    setFile(convolutionLabWithKernel(kernel));
  };
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid={`filter-open-conv-lab-${inChannel}`}
        disabled={kh > 7 || kw > 7}
        title={kh > 7 || kw > 7 ? t('filters.tooLargeForLab') : undefined}
        onClick={() => void open()}
      >
        {t('filters.openInLab')}
      </button>
      {file ? (
        <Suspense fallback={null}>
          <LabScreen file={file} onBack={() => setFile(null)} />
        </Suspense>
      ) : null}
    </>
  );
}
