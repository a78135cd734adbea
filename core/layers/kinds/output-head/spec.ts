import type { LayerSpec } from '../../spec';
import { enumParam, floatParam, translated as t } from '../../param-specs';
import { shapeFail, shapeOk } from '../../read-params';
import { defaultHeadSettings, headLosses, headTargets, readHeadSettings } from './head-settings';
import { OutputHeadLayer } from './output-head-layer';

/**
 * Ends one output of a network with several outputs (classification plus a
 * box, say): names the head (the node's name) and says what it learns. The
 * values pass through unchanged.
 */
export const outputHeadSpec: LayerSpec = {
  kind: 'OutputHead',
  family: 'core',
  label: t('Output head', '输出头'),
  description: t(
    'Marks the end of one output of the network and says what it learns: the class or the box, with which loss and how much it counts in the total loss.',
    '标记网络的一个输出的末端，并说明它学什么：类别还是边框、用哪种损失、在总损失中占多大权重。',
  ),
  formula: 'L = Σ wₕ · Lₕ(yₕ, ŷₕ)',
  params: [
    enumParam(
      'target',
      defaultHeadSettings.target,
      headTargets,
      t('Learns', '学习目标'),
      t(
        'class: the class of the image (one unit per class); box: the object’s box as x, y, width, height in 0…1 (4 units).',
        'class：图像的类别（每个类别一个单元）；box：物体的边框 x、y、宽、高，取值 0…1（4 个单元）。',
      ),
      { key: true },
    ),
    enumParam(
      'loss',
      defaultHeadSettings.loss,
      headLosses,
      t('Loss', '损失函数'),
      t(
        'categoricalCrossentropy for classes; meanSquaredError or huber (smooth L1) for boxes; binaryCrossentropy for independent yes/no units.',
        '类别用 categoricalCrossentropy；边框用 meanSquaredError 或 huber（平滑 L1）；相互独立的是/否单元用 binaryCrossentropy。',
      ),
      { key: true },
    ),
    floatParam(
      'lossWeight',
      defaultHeadSettings.lossWeight,
      t('Loss weight', '损失权重'),
      t(
        'How much this head’s loss counts in the total loss that training lowers.',
        '此输出的损失在训练所降低的总损失中占的权重。',
      ),
      0,
      100,
    ),
  ],
  arity: { min: 1, max: 1 },
  inferShape: ([input]) => (input ? shapeOk(input) : shapeFail('missing-input')),
  countParams: () => 0,
  toTf: (params, name) => new OutputHeadLayer({ name, ...readHeadSettings(params) }),
};
