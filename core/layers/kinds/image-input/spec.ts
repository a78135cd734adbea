import type { LayerSpec } from '../../spec';
import { intParam, translated as t } from '../../param-specs';
import { readInt, shapeOk } from '../../read-params';

/** Where images enter the network: a batch of height × width × channels arrays. */
export const imageInputSpec: LayerSpec = {
  kind: 'ImageInput',
  family: 'input',
  label: t('Image input', '图像输入'),
  description: t(
    'Feeds images of height × width × channels into the network.',
    '把 高 × 宽 × 通道数 的图像送入网络。',
  ),
  formula: 'x ∈ ℝ^(H×W×C)',
  params: [
    intParam(
      'height',
      28,
      t('Height', '高度'),
      t('Image height in pixels.', '图像高度（像素）。'),
      1,
      1024,
      { key: true },
    ),
    intParam(
      'width',
      28,
      t('Width', '宽度'),
      t('Image width in pixels.', '图像宽度（像素）。'),
      1,
      1024,
      { key: true },
    ),
    intParam(
      'channels',
      1,
      t('Channels', '通道数'),
      t('1 for grayscale, 3 for colour (RGB).', '灰度图为 1，彩色（RGB）为 3。'),
      1,
      4,
      { key: true },
    ),
  ],
  arity: { min: 0, max: 0 },
  inferShape: (_inputs, params) =>
    shapeOk([
      null,
      readInt(params, 'height', 28),
      readInt(params, 'width', 28),
      readInt(params, 'channels', 1),
    ]),
  countParams: () => 0,
  inputShape: (params) => [
    readInt(params, 'height', 28),
    readInt(params, 'width', 28),
    readInt(params, 'channels', 1),
  ],
};
