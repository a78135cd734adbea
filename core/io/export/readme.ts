import { mdText } from '../escape/markdown';
import type { ExportInfo } from './export-info';
import { taskOf } from './export-info';
import type { PytorchStatus } from './metadata';
import { onnxReadmeSection } from './onnx/onnx-readme';
import type { OnnxStatus } from './onnx/onnx-status';
import { trainReadmeSection } from './pytorch/train-readme';

function inputLine(info: ExportInfo, zh: boolean): string {
  const shape = `[${info.inputShape.slice(1).join(', ')}]`;
  if (info.image !== null) {
    const { width, height, colorMode, resizeMode, normalization } = info.image;
    const norm = normalization === 'zeroToOne' ? 'x / 255' : 'x / 127.5 − 1';
    return zh
      ? `输入：${width}×${height} ${colorMode === 'grayscale' ? '灰度' : 'RGB 彩色'}图像（张量形状 ${shape}，缩放方式 ${resizeMode}，归一化 ${norm}）。`
      : `Input: a ${width}×${height} ${colorMode === 'grayscale' ? 'grayscale' : 'RGB'} image (tensor shape ${shape}, resize mode ${resizeMode}, normalisation ${norm}).`;
  }
  if (info.text !== null) {
    const t = info.text.tokenizer;
    return zh
      ? `输入：一段文本，切分方式 ${t.split}，转为 ${t.sequenceLength} 个词编号（词表见 vocab.json，0 = 填充，1 = 未知词）；较长的文本${t.truncating === 'pre' ? '去掉开头' : '去掉结尾'}，较短的文本在${t.padding === 'pre' ? '前面' : '后面'}补 0。`
      : `Input: a text, split by ${t.split}, turned into ${t.sequenceLength} token ids (vocabulary in vocab.json; 0 = padding, 1 = unknown); a longer text loses its ${t.truncating === 'pre' ? 'start' : 'end'}, a shorter one gets 0s ${t.padding === 'pre' ? 'before' : 'after'} its words.`;
  }
  return zh ? `输入：长度为 ${shape} 的数值向量。` : `Input: a vector of numbers, shape ${shape}.`;
}

function trainingLine(info: ExportInfo, zh: boolean): string {
  const t = info.training;
  if (t === null)
    return zh
      ? '训练：导出时模型尚未训练（权重为初始值）。'
      : 'Training: the model was not trained when exported (initial weights).';
  const metrics = Object.entries(t.finalMetrics)
    .map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(4)}`)
    .join(', ');
  return zh
    ? `训练：${t.epochs} 轮，完成于 ${t.finishedAt}；最终指标 ${metrics}。`
    : `Training: ${t.epochs} epochs, finished ${t.finishedAt}; final metrics ${metrics}.`;
}

function exampleInput(info: ExportInfo): string {
  const task = taskOf(info);
  return task === 'image' ? 'photo.png' : task === 'text' ? '"…"' : 'input.json';
}

/**
 * `README.md` in Chinese then English: what the model does, the files, and
 * how to use it in a web page, in Node, in Python (PyTorch), and how to get a
 * Keras file with `tensorflowjs_converter`. Names (project, classes, layers
 * in a refusal reason) are written with `mdText`: text, never Markdown.
 */
export function buildReadme(
  info: ExportInfo,
  weightFiles: readonly string[],
  pytorch: PytorchStatus,
  /** Whether predict-data.js embeds the model, so predict.html opens by double-click. */
  embedded = true,
  /** Whether model.onnx was written (null: the README does not mention ONNX). */
  onnx: OnnxStatus | null = null,
  /** Whether the folder has train.py (its section: one computer, torchrun, Slurm). */
  trainScript = false,
): string {
  const labels = info.labels.map((l, i) => `${i}: ${mdText(l)}`).join(' · ');
  const example = exampleInput(info);
  const pyZh = pytorch.available
    ? [
        '## 在 Python（PyTorch）中使用',
        '',
        '```sh',
        'pip install torch numpy pillow',
        `python3 predict.py ${example}`,
        '```',
        '',
        '`model.py` 用 PyTorch 定义了同一个网络（`build_model("weights.npz")`），`weights.npz` 是已转换为 PyTorch 布局的权重。',
      ]
    : ['## Python（PyTorch）', '', `此模型没有导出 PyTorch 版本：${mdText(pytorch.reason)}`];
  const pyEn = pytorch.available
    ? [
        '## Use it in Python (PyTorch)',
        '',
        '```sh',
        'pip install torch numpy pillow',
        `python3 predict.py ${example}`,
        '```',
        '',
        '`model.py` defines the same network in PyTorch (`build_model("weights.npz")`); `weights.npz` holds the weights already converted to PyTorch layouts.',
      ]
    : [
        '## Python (PyTorch)',
        '',
        `No PyTorch version was exported for this model: ${mdText(pytorch.reason)}`,
      ];
  return [
    `# ${mdText(info.modelName)}`,
    '',
    `LayerLab ${info.versions.layerlab} · TensorFlow.js ${info.versions.tfjs} · ${info.exportedAt}`,
    '',
    '## 这是什么',
    '',
    `这个模型把输入分为 ${info.labels.length} 类：${labels}。`,
    inputLine(info, true),
    trainingLine(info, true),
    '',
    '文件：`model.json` 与 ' +
      weightFiles.map((f) => `\`${f}\``).join('、') +
      '（TensorFlow.js 层模型格式）、`metadata.json`（类别、输入形状、预处理、版本）、`labels.txt`' +
      (info.text !== null ? '、`vocab.json`' : '') +
      (embedded
        ? '、`predict.html`、`predict-data.js`、`predict.mjs`'
        : '、`predict.html`、`predict.mjs`') +
      (pytorch.available ? '、`model.py`、`weights.npz`、`predict.py`' : '') +
      (onnx?.available === true ? '、`model.onnx`' : '') +
      '。',
    '',
    '## 在网页中使用',
    '',
    ...(embedded
      ? [
          '双击打开 `predict.html` 即可：模型已嵌入 `predict-data.js`，页面使用文件夹中自带的 `tf.min.js`，无需联网，也无需服务器。',
          '',
          '在自己的网页中用 `const model = await tf.loadLayersModel("./model.json")` 读取模型时，浏览器不允许 `file://` 页面读取文件，请在本文件夹启动一个本地服务器：',
          '',
          '```sh',
          'python3 -m http.server 8000',
          '```',
        ]
      : [
          '本模型较大，没有嵌入页面；浏览器不能从 `file://` 读取模型，请在本文件夹启动一个本地服务器：',
          '',
          '```sh',
          'python3 -m http.server 8000',
          '```',
          '',
          '然后打开 http://localhost:8000/predict.html 。页面使用文件夹中自带的 `tf.min.js`，无需联网。在自己的网页中：`const model = await tf.loadLayersModel("./model.json")`。',
        ]),
    '',
    '## 在 Node.js 中使用',
    '',
    '```sh',
    'npm install @tensorflow/tfjs',
    `node predict.mjs ${example === 'photo.png' ? 'input.json' : example}`,
    '```',
    '',
    ...pyZh,
    '',
    ...(onnx === null ? [] : [...onnxReadmeSection(info, onnx, true), '']),
    ...(trainScript ? [...trainReadmeSection(true), ''] : []),
    '## 转换为 Keras 文件',
    '',
    '```sh',
    'pip install tensorflowjs',
    'tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras model.json model.h5',
    '```',
    '',
    '---',
    '',
    '## What it is',
    '',
    `This model sorts its input into ${info.labels.length} classes: ${labels}.`,
    inputLine(info, false),
    trainingLine(info, false),
    '',
    'Files: `model.json` with ' +
      weightFiles.map((f) => `\`${f}\``).join(', ') +
      ' (TensorFlow.js layers format), `metadata.json` (labels, input shape, preprocessing, versions), `labels.txt`' +
      (info.text !== null ? ', `vocab.json`' : '') +
      (embedded
        ? ', `predict.html`, `predict-data.js`, `predict.mjs`'
        : ', `predict.html`, `predict.mjs`') +
      (pytorch.available ? ', `model.py`, `weights.npz`, `predict.py`' : '') +
      (onnx?.available === true ? ', `model.onnx`' : '') +
      '.',
    '',
    '## Use it in a web page',
    '',
    ...(embedded
      ? [
          'Double-click `predict.html`: the model is embedded in `predict-data.js` and the page uses the `tf.min.js` copy in this folder, so it works offline and without a server.',
          '',
          'To load the model in your own page with `const model = await tf.loadLayersModel("./model.json")`, serve this folder (browsers do not let a `file://` page read files):',
          '',
          '```sh',
          'python3 -m http.server 8000',
          '```',
        ]
      : [
          'This model is too large to embed in the page, and browsers cannot load a model from `file://`; start a tiny local server in this folder:',
          '',
          '```sh',
          'python3 -m http.server 8000',
          '```',
          '',
          'then open http://localhost:8000/predict.html. The page uses the `tf.min.js` copy in this folder, so it works offline. In your own page: `const model = await tf.loadLayersModel("./model.json")`.',
        ]),
    '',
    '## Use it in Node.js',
    '',
    '```sh',
    'npm install @tensorflow/tfjs',
    `node predict.mjs ${example === 'photo.png' ? 'input.json' : example}`,
    '```',
    '',
    ...pyEn,
    '',
    ...(onnx === null ? [] : [...onnxReadmeSection(info, onnx, false), '']),
    ...(trainScript ? [...trainReadmeSection(false), ''] : []),
    '## Convert to a Keras file',
    '',
    '```sh',
    'pip install tensorflowjs',
    'tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras model.json model.h5',
    '```',
    '',
  ].join('\n');
}
