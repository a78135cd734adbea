import { mdText } from '../../escape/markdown';
import type { ExportInfo } from '../export-info';
import type { OnnxStatus } from './onnx-status';

/**
 * The README's ONNX section (zh-CN or en): how to run `model.onnx` with ONNX
 * Runtime from Python and from Node, with the input built as the model
 * expects it (NHWC float32 pixels after the normalisation, or int32 token
 * ids); or, when no file was written, why (`mdText`: the reason names a layer).
 */
export function onnxReadmeSection(info: ExportInfo, onnx: OnnxStatus, zh: boolean): string[] {
  if (!onnx.available)
    return zh
      ? ['## ONNX', '', `此模型没有导出 ONNX 版本：${mdText(onnx.reason)}`]
      : ['## ONNX', '', `No ONNX version was exported for this model: ${mdText(onnx.reason)}`];
  const shape = info.inputShape.slice(1).join(', ');
  const text = info.text !== null;
  const dtype = text ? 'int32' : 'float32';
  const pyInput = text
    ? `x = np.zeros((1, ${shape}), dtype=np.int32)  # token ids from vocab.json (0 = padding)`
    : `x = np.zeros((1, ${shape}), dtype=np.float32)  # ${info.image !== null ? 'NHWC pixels after the normalisation in metadata.json' : 'input values'}`;
  const jsArray = text ? 'Int32Array' : 'Float32Array';
  return [
    zh ? '## 用 ONNX Runtime 运行（model.onnx）' : '## Run it with ONNX Runtime (model.onnx)',
    '',
    zh
      ? `\`model.onnx\` 是同一个网络的 ONNX 文件（opset 13）：输入名 \`input\`（形状 [batch, ${shape}]，${dtype}，与 TensorFlow.js 相同的布局），输出名 \`output\`（各类别的概率）；批大小可变。类别、预处理与词表写在模型的 metadata_props 中。`
      : `\`model.onnx\` is the same network as an ONNX file (opset 13): input \`input\` (shape [batch, ${shape}], ${dtype}, the TensorFlow.js layout), output \`output\` (the class probabilities); any batch size. Labels, preprocessing and vocabulary are in the model's metadata_props.`,
    '',
    '```sh',
    'pip install onnxruntime numpy',
    '```',
    '',
    '```python',
    'import json, numpy as np, onnxruntime as ort',
    'session = ort.InferenceSession("model.onnx")',
    'meta = session.get_modelmeta().custom_metadata_map',
    'labels = json.loads(meta["labels"])',
    pyInput,
    'probabilities = session.run(["output"], {"input": x})[0][0]',
    'print(labels[int(probabilities.argmax())], float(probabilities.max()))',
    '```',
    '',
    '```js',
    '// npm install onnxruntime-node',
    "import * as ort from 'onnxruntime-node';",
    "const session = await ort.InferenceSession.create('model.onnx');",
    `const x = new ort.Tensor('${dtype}', new ${jsArray}(${info.inputShape
      .slice(1)
      .map(Number)
      .reduce((a, b) => a * b, 1)}), [1, ${shape}]);`,
    'const { output } = await session.run({ input: x });',
    'console.log(output.data);',
    '```',
  ];
}
