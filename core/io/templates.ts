import type { Result } from '../result';
import { err } from '../result';
import type { Translated } from '../validate/diagnostic';
import type { ProjectDoc, ProjectLoadError } from './project-file';
import { parseProject } from './project-file';

/**
 * Starter projects shown on the start screen, in display order. Each is a
 * project file `assets/templates/<id>.layerlab`; the renderer imports the
 * text through Vite (`?raw`), the CLI reads it from disk, and both parse it
 * with `parseTemplate`.
 */
export const templateIds = [
  'empty',
  'mlp-digits',
  'lenet',
  'residual-cnn',
  'lstm-text',
  'backprop-323',
  'backprop-323-no-bias',
  'localisation',
] as const;
export type TemplateId = (typeof templateIds)[number];

/** Start-screen title and one-line description of each template. */
export const templateInfo: Readonly<
  Record<TemplateId, { readonly label: Translated; readonly description: Translated }>
> = {
  empty: {
    label: { en: 'Empty project', 'zh-CN': '空白项目' },
    description: {
      en: 'An empty canvas: build any network yourself.',
      'zh-CN': '空白画布：自己搭建任意网络。',
    },
  },
  'mlp-digits': {
    label: { en: 'MLP for 28×28 digits (784-128-10)', 'zh-CN': '手写数字多层感知机（784-128-10）' },
    description: {
      en: 'The course network: flatten 28×28 images, one hidden layer of 128 relu units, 10 softmax outputs.',
      'zh-CN':
        '课程中的网络：展平 28×28 图像，一个含 128 个 relu 单元的隐藏层，10 个 softmax 输出。',
    },
  },
  lenet: {
    label: { en: 'LeNet-style CNN', 'zh-CN': 'LeNet 风格卷积网络' },
    description: {
      en: 'Two convolution + pooling stages, then dense layers: a classic image classifier.',
      'zh-CN': '两组卷积加池化，再接全连接层：经典的图像分类网络。',
    },
  },
  'residual-cnn': {
    label: { en: 'Residual CNN (two residual blocks)', 'zh-CN': '残差卷积网络（两个残差块）' },
    description: {
      en: 'A convolution, then two residual blocks (convolution, batch normalization, a shortcut added back), then a softmax: the building block of ResNet.',
      'zh-CN':
        '一层卷积，接两个残差块（卷积、批归一化，再把捷径加回来），最后是 softmax：ResNet 的基本结构。',
    },
  },
  'lstm-text': {
    label: { en: 'LSTM text classifier', 'zh-CN': 'LSTM 文本分类' },
    description: {
      en: 'Word ids → embedding → LSTM → softmax: classifies texts such as reviews or mails.',
      'zh-CN': '词编号 → 词嵌入 → LSTM → softmax：对评论、邮件等文本分类。',
    },
  },
  'backprop-323': {
    label: { en: 'Backpropagation net (3-2-3)', 'zh-CN': '反向传播网络（3-2-3）' },
    description: {
      en: "The course's worked example: 3 inputs, 2 sigmoid hidden units, 3 sigmoid outputs, squared-error loss.",
      'zh-CN': '课程中的例题：3 个输入，2 个 sigmoid 隐藏单元，3 个 sigmoid 输出，平方误差损失。',
    },
  },
  'backprop-323-no-bias': {
    label: {
      en: 'Backpropagation net (3-2-3) without biases',
      'zh-CN': '反向传播网络（3-2-3，无偏置）',
    },
    description: {
      en: "The course's net exactly: weights w1…w12 only, no biases, as on the slides.",
      'zh-CN': '与课程中的网络完全一致：只有权重 w1…w12，没有偏置，与课件相同。',
    },
  },
  localisation: {
    label: {
      en: 'Classification + localisation (two heads)',
      'zh-CN': '分类 + 定位（两个输出头）',
    },
    description: {
      en: 'A shared convolutional trunk with two output heads: the class (softmax) and the object’s box (4 sigmoid units), trained together; IoU measures the box.',
      'zh-CN':
        '共享的卷积主干接两个输出头：类别（softmax）和物体的边框（4 个 sigmoid 单元），二者一起训练；用 IoU 衡量边框。',
    },
  },
};

/** True for a known template id. */
export function isTemplateId(id: string): id is TemplateId {
  return (templateIds as readonly string[]).includes(id);
}

/** Parses a template file; the same checks as a project file, plus a matching `templateId`. */
export function parseTemplate(text: string, id?: TemplateId): Result<ProjectDoc, ProjectLoadError> {
  const parsed = parseProject(text);
  if (!parsed.ok || id === undefined || parsed.value.templateId === id) return parsed;
  const args = { path: 'templateId', detail: `expected "${id}"` };
  return err({ code: 'invalid-structure', args, message: `template id differs: ${args.detail}` });
}
