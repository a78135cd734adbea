import { COURSE_323_DEFAULTS, courseNet323 } from '../labs/dense-net';
import { convExamples, findKernelPreset } from '../labs/convolution-presets';
import { serializeLabFile, type LabFile } from '../labs/lab-file';
import { answerKeyFor } from './checks';
import type { PackManifest } from './pack-manifest';
import type { PackContents } from './write-pack';

/** What the course sample needs from disk (read by scripts/build-sample-pack.ts and by tests). */
export interface SamplePackSources {
  /** `assets/templates/lenet.layerlab`. */
  readonly lenetProject: string;
  /** The Fashion-MNIST sample, class folder/file → bytes. */
  readonly fashionFiles: Readonly<Record<string, Uint8Array>>;
  readonly fashionLicence: string;
  /** One PNG shown in the instructions. */
  readonly image: Uint8Array;
  readonly appVersion: string;
}

export const SAMPLE_PACK_ID = 'course-first-half-v1';

const backpropStart: LabFile = (() => {
  const net = courseNet323(COURSE_323_DEFAULTS.weights);
  return {
    lab: 'backprop',
    state: {
      layerSizes: [...net.layerSizes],
      activations: [...net.activations],
      kernels: net.kernels.map((k) => k.map((r) => [...r])),
      biases: net.biases.map((b) => (b ? [...b] : null)),
      inputs: [...COURSE_323_DEFAULTS.inputs],
      targets: [...COURSE_323_DEFAULTS.targets],
      loss: 'mean-sse',
      eta: COURSE_323_DEFAULTS.eta,
      decimals: 4,
      step: 0,
    },
  };
})();

const convolutionStart: LabFile = (() => {
  const example = convExamples[0];
  return {
    lab: 'convolution',
    state: {
      input: (example?.input ?? [[0]]).map((r) => [...r]),
      kernel: (findKernelPreset(example?.kernelId ?? 'identity')?.kernel ?? [[1]]).map((r) => [
        ...r,
      ]),
      kernelId: example?.kernelId ?? null,
      stride: 1,
      padding: 'valid',
      dilation: 1,
      pool: { kind: 'max', size: 2, stride: 2 },
      selected: null,
    },
  };
})();

/**
 * The sample package of the course's first half: a reading, backpropagation by
 * hand (numbers locked, ∂L/∂w5 asked), LeNet on the embedded Fashion-MNIST
 * sample (input layer locked, accuracy and size expected), and convolution
 * (one output cell asked). Its answer keys are computed from the labs' own
 * starting numbers, never typed.
 */
export function samplePackContents(sources: SamplePackSources): PackContents {
  const files: Record<string, string | Uint8Array> = {
    'steps/backprop.layerlab-lab.json': serializeLabFile(backpropStart),
    'steps/lenet.layerlab': sources.lenetProject,
    'steps/convolution.layerlab-lab.json': serializeLabFile(convolutionStart),
    'data/LICENSE-fashion-mnist.txt': sources.fashionLicence,
    'images/fashion-sample.png': sources.image,
  };
  for (const [path, bytes] of Object.entries(sources.fashionFiles))
    files[`data/fashion-mnist/${path}`] = bytes;

  const dw5 = answerKeyFor(backpropStart, 'dL/dw5');
  const conv11 = answerKeyFor(convolutionStart, 'conv[1,1]');
  if (dw5 === null || conv11 === null) throw new Error('sample pack: a lab quantity is missing');

  const manifest: PackManifest = {
    format: 'layerlab-pack',
    version: 1,
    packId: SAMPLE_PACK_ID,
    appVersion: sources.appVersion,
    title: {
      en: 'Deep learning, first half: from a neuron to LeNet',
      'zh-CN': '深度学习（上半学期）：从神经元到 LeNet',
    },
    instructions: {
      en: '# Lab session\n\nWork through the steps in order. Steps marked **required** must pass before the next ones open.\n\nWhen you are done, choose **Export submission** and hand in the file.',
      'zh-CN':
        '# 实验课\n\n请按顺序完成各步骤。标为**必做**的步骤通过后，后面的步骤才会打开。\n\n完成后请点击**导出提交文件**，并交上这个文件。',
    },
    steps: [
      {
        id: 'reading',
        kind: 'reading',
        title: { en: 'Read: the chain rule', 'zh-CN': '阅读：链式法则' },
        instructions: {
          en: 'A weight changes the loss only through the unit it feeds:\n\n$$\\frac{\\partial L}{\\partial w_5} = \\frac{\\partial L}{\\partial Out_{o1}} \\cdot \\frac{\\partial Out_{o1}}{\\partial In_{o1}} \\cdot \\frac{\\partial In_{o1}}{\\partial w_5}$$\n\n- each factor is one arrow of the network, read backwards\n- $\\delta$ collects the first two factors\n\nThe images of the LeNet step look like this one: ![a Fashion-MNIST image](images/fashion-sample.png)',
          'zh-CN':
            '权重只能通过它连接的单元影响损失：\n\n$$\\frac{\\partial L}{\\partial w_5} = \\frac{\\partial L}{\\partial Out_{o1}} \\cdot \\frac{\\partial Out_{o1}}{\\partial In_{o1}} \\cdot \\frac{\\partial In_{o1}}{\\partial w_5}$$\n\n- 每个因子对应网络中的一条箭头，反向阅读\n- $\\delta$ 合并了前两个因子\n\nLeNet 步骤中的图片类似这一张：![一张 Fashion-MNIST 图片](images/fashion-sample.png)',
        },
        required: false,
        locks: { layers: [], params: [], labFields: [] },
        expectations: [],
      },
      {
        id: 'backprop',
        kind: 'lab',
        lab: 'backprop',
        file: 'steps/backprop.layerlab-lab.json',
        title: { en: 'Backpropagation by hand', 'zh-CN': '手算反向传播' },
        instructions: {
          en: 'The 3-2-3 network and its sample are locked. Step through the backward pass on paper, then type your $\\partial L/\\partial w_5$ (4 decimals are enough).',
          'zh-CN':
            '3-2-3 网络及其样本已锁定。请在纸上完成反向传播，然后填写你算出的 $\\partial L/\\partial w_5$（保留 4 位小数即可）。',
        },
        required: true,
        locks: {
          layers: [],
          params: [],
          labFields: [
            'layerSizes',
            'activations',
            'kernels',
            'biases',
            'inputs',
            'targets',
            'loss',
            'eta',
          ],
        },
        expectations: [
          {
            id: 'dw5',
            kind: 'lab-answer',
            quantity: 'dL/dw5',
            tolerance: 1e-3,
            hint: {
              en: 'w5 connects x3 to h1: multiply δ of h1 by x3.',
              'zh-CN': 'w5 连接 x3 和 h1：用 h1 的 δ 乘以 x3。',
            },
          },
        ],
      },
      {
        id: 'lenet',
        kind: 'project',
        file: 'steps/lenet.layerlab',
        title: { en: 'Train LeNet on Fashion-MNIST', 'zh-CN': '在 Fashion-MNIST 上训练 LeNet' },
        instructions: {
          en: 'Save the embedded dataset to a folder and choose it in the Dataset panel. The input layer is locked. Change the rest as you like, but keep the network under 100,000 parameters, then train.',
          'zh-CN':
            '把内嵌的数据集保存到一个文件夹，并在“数据集”面板中选择它。输入层已锁定。其余部分可以随意修改，但参数量要少于 100,000，然后开始训练。',
        },
        required: false,
        dataset: {
          kind: 'embedded',
          folder: 'data/fashion-mnist',
          licence: 'data/LICENSE-fashion-mnist.txt',
        },
        locks: {
          layers: ['n1'],
          params: [
            { node: 'n1', param: 'height' },
            { node: 'n1', param: 'width' },
            { node: 'n1', param: 'channels' },
          ],
          labFields: [],
        },
        expectations: [
          {
            id: 'size',
            kind: 'param-count',
            op: '<=',
            value: 100_000,
            hint: {
              en: 'Fewer filters or a smaller Dense layer reduce the count.',
              'zh-CN': '减少卷积核数量或缩小 Dense 层可以减少参数量。',
            },
          },
          {
            id: 'accuracy',
            kind: 'metric',
            metric: 'valAccuracy',
            op: '>=',
            value: 0.6,
            hint: {
              en: 'Train for more epochs, or lower the learning rate if the loss jumps.',
              'zh-CN': '多训练几轮；如果损失跳动，请降低学习率。',
            },
          },
        ],
      },
      {
        id: 'convolution',
        kind: 'lab',
        lab: 'convolution',
        file: 'steps/convolution.layerlab-lab.json',
        title: { en: 'Convolution and pooling', 'zh-CN': '卷积与池化' },
        instructions: {
          en: 'Slide the X kernel over the 5×5 grid. What is the top-left output cell?',
          'zh-CN': '把 X 形卷积核在 5×5 网格上滑动。输出的左上角单元是多少？',
        },
        required: false,
        locks: { layers: [], params: [], labFields: ['input', 'kernel'] },
        expectations: [
          {
            id: 'conv11',
            kind: 'lab-answer',
            quantity: 'conv[1,1]',
            tolerance: 1e-6,
            hint: {
              en: 'Multiply each cell of the top-left 3×3 window by the kernel cell over it and add.',
              'zh-CN': '把左上角 3×3 窗口中的每个格子与其上的卷积核格子相乘，再求和。',
            },
          },
        ],
      },
    ],
  };
  return { manifest, files, answers: { dw5, conv11 } };
}
