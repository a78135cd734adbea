import type { Diagnostic, Locale, Translated } from './diagnostic';

/**
 * Every user-facing message of core's diagnostics, commands and project
 * loading, by stable code. `{{name}}` placeholders are filled from the
 * diagnostic's `args`. Messages follow TF.js/Keras: subject, expectation,
 * observation, remedy. Layer kinds and param names are identifiers and stay
 * untranslated; layer names are user data and are never interpreted as markup
 * (the UI renders them as text).
 */
export const messages = {
  // ── Params (inspector and graph) ──────────────────────────────────────
  'param-missing': m(
    "{{kind}} parameter '{{param}}' has no value. Enter a value or reset it to its default.",
    "{{kind}} 的参数 '{{param}}' 没有值。请填入一个值，或恢复默认值。",
  ),
  'param-wrong-type': m(
    "{{kind}} parameter '{{param}}' must be {{expected}}, but is {{value}}. Enter a valid value.",
    "{{kind}} 的参数 '{{param}}' 应为 {{expected}}，但现在是 {{value}}。请填入有效的值。",
  ),
  'param-not-finite': m(
    "{{kind}} parameter '{{param}}' must be a finite number, but is {{value}}. Enter an ordinary number.",
    "{{kind}} 的参数 '{{param}}' 必须是有限的数，但现在是 {{value}}。请填入普通数字。",
  ),
  'param-not-integer': m(
    "{{kind}} parameter '{{param}}' must be a whole number, but is {{value}}. Round it to a whole number.",
    "{{kind}} 的参数 '{{param}}' 必须是整数，但现在是 {{value}}。请改为整数。",
  ),
  'param-below-min': m(
    "{{kind}} parameter '{{param}}' must be between {{min}} and {{max}}, but is {{value}}. Enter a value of at least {{min}}.",
    "{{kind}} 的参数 '{{param}}' 应在 {{min}} 到 {{max}} 之间，但现在是 {{value}}。请填入不小于 {{min}} 的值。",
  ),
  'param-above-max': m(
    "{{kind}} parameter '{{param}}' must be between {{min}} and {{max}}, but is {{value}}. Enter a value of at most {{max}}.",
    "{{kind}} 的参数 '{{param}}' 应在 {{min}} 到 {{max}} 之间，但现在是 {{value}}。请填入不大于 {{max}} 的值。",
  ),
  'param-not-allowed': m(
    "{{kind}} parameter '{{param}}' must be one of {{options}}, but is {{value}}. Pick one from the list.",
    "{{kind}} 的参数 '{{param}}' 必须是 {{options}} 之一，但现在是 {{value}}。请从列表中选择。",
  ),
  'param-wrong-length': m(
    "{{kind}} parameter '{{param}}' needs {{expected}} numbers, but has {{actual}}. Enter one number per axis.",
    "{{kind}} 的参数 '{{param}}' 需要 {{expected}} 个数，但现在有 {{actual}} 个。请为每个轴填一个数。",
  ),

  // ── Shapes ────────────────────────────────────────────────────────────
  'unknown-layer-kind': m(
    "Layer '{{name}}' has kind '{{kind}}', which this version of LayerLab does not know. Delete it or replace it with a known layer.",
    "层 '{{name}}' 的类型 '{{kind}}' 无法被当前版本的 LayerLab 识别。请删除它，或换成已知的层。",
  ),
  'missing-input': m(
    "{{kind}} '{{name}}' needs {{min}} input(s) but has {{actual}}. Drag a connection from the layer before it into its input port.",
    "{{kind}} '{{name}}' 需要 {{min}} 个输入，但现在有 {{actual}} 个。请从前一层拖一条连线到它的输入端口。",
  ),
  'too-many-inputs': m(
    "{{kind}} '{{name}}' accepts at most {{max}} input(s) but has {{actual}}. Remove the extra connections, or merge them first with Add or Concatenate.",
    "{{kind}} '{{name}}' 最多接受 {{max}} 个输入，但现在有 {{actual}} 个。请删除多余的连线，或先用 Add / Concatenate 合并。",
  ),
  'input-not-image': m(
    "{{kind}} '{{name}}' needs an image-shaped input [height, width, channels] but receives {{actual}}. Remove the Flatten or Dense before it, or start from an Image input.",
    "{{kind}} '{{name}}' 需要图像形状的输入 [高, 宽, 通道]，但收到的是 {{actual}}。请去掉它前面的 Flatten 或 Dense，或从图像输入开始。",
  ),
  'input-not-sequence': m(
    "{{kind}} '{{name}}' needs a sequence input [steps, features] but receives {{actual}}. Put an Embedding before it, or turn on returnSequences in the recurrent layer before it.",
    "{{kind}} '{{name}}' 需要序列输入 [时间步, 特征]，但收到的是 {{actual}}。请在它前面加 Embedding，或打开前一个循环层的 returnSequences。",
  ),
  'input-not-token-ids': m(
    "{{kind}} '{{name}}' needs a list of word ids [length] but receives {{actual}}. Connect it directly to a Sequence input.",
    "{{kind}} '{{name}}' 需要词编号列表 [长度]，但收到的是 {{actual}}。请把它直接连接到序列输入。",
  ),
  'input-rank-too-low': m(
    "{{kind}} '{{name}}' needs an input with at least {{expectedAxes}} axes but receives {{actual}}. Check the layer before it; a Flatten is only needed once.",
    "{{kind}} '{{name}}' 需要至少 {{expectedAxes}} 个轴的输入，但收到的是 {{actual}}。请检查前一层；Flatten 只需要一次。",
  ),
  'input-rank-too-high': m(
    "{{kind}} '{{name}}' accepts at most {{expectedAxes}} axes but receives {{actual}}. Add a Flatten before it.",
    "{{kind}} '{{name}}' 最多接受 {{expectedAxes}} 个轴，但收到的是 {{actual}}。请在它前面加 Flatten。",
  ),
  'input-dim-unknown': m(
    "{{kind}} '{{name}}' needs every size of its input to be known, but some are not. Set a fixed size on the input layer.",
    "{{kind}} '{{name}}' 需要输入的每个尺寸都已知，但有的未知。请在输入层设置固定尺寸。",
  ),
  'output-too-small': m(
    "{{kind}} '{{name}}' has a {{window}} window that does not fit its input, so its output would be empty. Use padding 'same', a smaller window, or fewer pooling layers before it.",
    "{{kind}} '{{name}}' 的 {{window}} 窗口比输入还大，输出会是空的。请使用 'same' 填充、更小的窗口，或减少它前面的池化层。",
  ),
  'strides-with-dilation': m(
    "{{kind}} '{{name}}' uses strides above 1 together with a dilation above 1, which TensorFlow.js cannot compute. Set either strides or dilation back to 1.",
    "{{kind}} '{{name}}' 同时使用了大于 1 的步长和大于 1 的空洞率，TensorFlow.js 无法计算。请把步长或空洞率改回 1。",
  ),
  'reshape-size-mismatch': m(
    "{{kind}} '{{name}}' must keep the number of values ({{expected}}) but its target shape holds {{actual}}. Choose a target shape whose sizes multiply to {{expected}}.",
    "{{kind}} '{{name}}' 必须保持数值总数（{{expected}}）不变，但目标形状包含 {{actual}} 个。请选择各维乘积为 {{expected}} 的目标形状。",
  ),
  'merge-shape-mismatch': m(
    "{{kind}} '{{name}}' needs all inputs to have the same shape, but receives {{expected}} and {{actual}}. Make the branches end in the same shape, or use Concatenate.",
    "{{kind}} '{{name}}' 要求所有输入形状相同，但收到的是 {{expected}} 和 {{actual}}。请让各分支输出相同的形状，或改用 Concatenate。",
  ),
  'concat-shape-mismatch': m(
    "{{kind}} '{{name}}' joins along axis {{axis}}, so all other sizes must match, but it receives {{expected}} and {{actual}}. Make the branches agree on the other axes.",
    "{{kind}} '{{name}}' 沿第 {{axis}} 轴拼接，其他各维必须一致，但收到的是 {{expected}} 和 {{actual}}。请让各分支在其他维度上一致。",
  ),
  'axis-out-of-range': m(
    "{{kind}} '{{name}}' joins along axis {{axis}}, but its inputs have only {{rank}} axes. Use −1 for the last axis.",
    "{{kind}} '{{name}}' 沿第 {{axis}} 轴拼接，但输入只有 {{rank}} 个轴。请用 −1 表示最后一轴。",
  ),

  // ── Structure ─────────────────────────────────────────────────────────
  'graph-empty': m(
    'The network is empty. Drag an input layer from the palette onto the canvas to start.',
    '网络是空的。请从组件面板把一个输入层拖到画布上开始。',
  ),
  'no-input': m(
    'The network has no input layer, so it cannot receive data. Add an Image, Sequence or Vector input and connect it.',
    '网络没有输入层，无法接收数据。请添加图像、序列或向量输入并连接。',
  ),
  'multiple-inputs': m(
    'The network has {{count}} input layers but a dataset feeds exactly one. Delete the extra input layers.',
    '网络有 {{count}} 个输入层，但数据集只能提供一个。请删除多余的输入层。',
  ),
  'no-output': m(
    'Nothing is connected after the input, so the network has no output. Connect layers after the input, ending with a Dense layer.',
    '输入后面没有连接任何层，网络没有输出。请在输入后连接各层，并以 Dense 层结尾。',
  ),
  'multiple-outputs': m(
    'The network has {{count}} layers with nothing after them ({{names}}) but training needs exactly one output. Connect or delete all but the last layer, or end each output in an OutputHead layer that says what it learns.',
    '网络有 {{count}} 个层后面没有连接（{{names}}），但训练只需要一个输出。请把其余的层连接起来或删除，或者在每个输出的末端加一个 OutputHead 层，说明它学什么。',
  ),
  'head-not-at-end': m(
    "Output head '{{name}}' has layers after it, but a head must end its branch. Move the layers before the head or delete the connection.",
    "输出头 '{{name}}' 后面还连着层，但输出头必须位于分支的末端。请把这些层移到输出头之前，或删除这条连线。",
  ),
  'graph-cycle': m(
    'The connections form a loop ({{names}}), so data would flow around forever. Remove one connection of the loop.',
    '连线构成了一个环（{{names}}），数据会无限循环。请删除环上的一条连线。',
  ),
  'disconnected-node': m(
    "{{kind}} '{{name}}' is not connected to anything. Connect it to the network or delete it.",
    "{{kind}} '{{name}}' 没有与任何层相连。请把它接入网络或删除。",
  ),
  'duplicate-name': m(
    "Several layers are named '{{name}}', but names must be unique (they become TensorFlow.js layer names). Rename one of them.",
    "有多个层都叫 '{{name}}'，但名称必须唯一（它们会成为 TensorFlow.js 的层名）。请重命名其中一个。",
  ),
  'empty-name': m(
    'A {{kind}} layer has an empty name. Give it a name.',
    '有一个 {{kind}} 层的名称为空。请为它命名。',
  ),
  'dangling-edge': m(
    'A connection refers to a layer that does not exist ({{missing}}). Delete the connection.',
    '有一条连线指向不存在的层（{{missing}}）。请删除这条连线。',
  ),

  // ── Commands ──────────────────────────────────────────────────────────
  'connect-self-loop': m(
    "'{{name}}' cannot be connected to itself: data must flow forward. Connect it to the next layer instead.",
    "'{{name}}' 不能连接到自己：数据必须向前流动。请把它连接到下一层。",
  ),
  'connect-cycle': m(
    "Connecting '{{source}}' to '{{target}}' would make a loop, because '{{target}}' already comes before '{{source}}'. Connect layers in the direction the data flows.",
    "把 '{{source}}' 连接到 '{{target}}' 会形成环，因为 '{{target}}' 已经在 '{{source}}' 之前。请按数据流动的方向连接。",
  ),
  'connect-duplicate': m(
    "'{{source}}' is already connected to '{{target}}'. One connection is enough.",
    "'{{source}}' 已经连接到 '{{target}}'。一条连线就够了。",
  ),
  'connect-arity': m(
    "{{kind}} '{{target}}' accepts only {{max}} input(s) and already has them. Remove its existing connection first, or merge branches with Add or Concatenate.",
    "{{kind}} '{{target}}' 只接受 {{max}} 个输入，而且已经接满。请先删除已有连线，或用 Add / Concatenate 合并分支。",
  ),
  'connect-into-input': m(
    "'{{target}}' is an input layer: data enters the network there, so nothing can connect into it. Connect from it instead.",
    "'{{target}}' 是输入层：数据从这里进入网络，不能有连线接入。请从它连出。",
  ),
  'node-not-found': m(
    'The layer {{id}} no longer exists. It may have been deleted.',
    '层 {{id}} 已不存在，可能已被删除。',
  ),
  'rename-empty': m('A layer name cannot be empty. Type a name.', '层名称不能为空。请输入名称。'),
  'rename-too-long': m(
    'A layer name can have at most {{max}} characters. Use a shorter name.',
    '层名称最多 {{max}} 个字符。请使用更短的名称。',
  ),
  'rename-duplicate': m(
    "Another layer is already named '{{name}}'. Names must be unique; choose another.",
    "已有一个层叫 '{{name}}'。名称必须唯一，请换一个。",
  ),
  'paste-invalid': m(
    'The clipboard does not hold LayerLab layers ({{reason}}). Copy layers in LayerLab first.',
    '剪贴板中没有 LayerLab 的层（{{reason}}）。请先在 LayerLab 中复制层。',
  ),

  // ── Dataset fit ───────────────────────────────────────────────────────
  'input-dataset-mismatch': m(
    "The dataset holds {{dataset}} data but the network starts with {{kind}} '{{name}}'. Replace it with a {{expected}} layer.",
    "数据集是 {{dataset}} 数据，但网络以 {{kind}} '{{name}}' 开始。请把它换成 {{expected}} 层。",
  ),
  'input-size-mismatch': m(
    "{{kind}} '{{name}}' expects images of {{actual}} (height×width×channels) but the dataset is decoded to {{expected}}. Set the input to {{expected}}, or change the image size in the dataset panel.",
    "{{kind}} '{{name}}' 需要 {{actual}}（高×宽×通道）的图像，但数据集解码为 {{expected}}。请把输入设为 {{expected}}，或在数据集面板中修改图像尺寸。",
  ),

  // ── Learner warnings ──────────────────────────────────────────────────
  'linear-collapse': m(
    "Dense '{{name}}' and Dense '{{next}}' have no non-linear activation between them, so together they compute no more than one Dense layer. Set the activation of '{{name}}' to relu (or another non-linear function).",
    "Dense '{{name}}' 和 Dense '{{next}}' 之间没有非线性激活，两层合起来只相当于一个 Dense 层。请把 '{{name}}' 的激活函数设为 relu（或其他非线性函数）。",
  ),
  'softmax-mse': m(
    "Output '{{name}}' uses softmax with the squared-error loss over {{classes}} classes; learning will be slow because the gradients are small. Use categoricalCrossentropy as the loss.",
    "输出层 '{{name}}' 在 {{classes}} 个类别上同时使用 softmax 和平方误差损失，梯度很小，学习会很慢。请把损失函数改为 categoricalCrossentropy。",
  ),
  'output-units-mismatch': m(
    "Output '{{name}}' has {{units}} units but the dataset has {{classes}} classes, so the labels will not fit. Set units to {{classes}} or turn on 'Units follow the dataset'.",
    "输出层 '{{name}}' 有 {{units}} 个单元，但数据集有 {{classes}} 个类别，标签对不上。请把单元数设为 {{classes}}，或打开“单元数跟随数据集”。",
  ),
  'output-not-flat': m(
    "Output '{{name}}' gives {{actual}} per sample, but classification needs one value per class. Add a Flatten or GlobalAveragePooling2D before the last Dense.",
    "输出层 '{{name}}' 每个样本输出 {{actual}}，但分类需要每个类别一个值。请在最后一个 Dense 之前加 Flatten 或 GlobalAveragePooling2D。",
  ),
  'parameter-explosion': m(
    "Dense '{{name}}' after Flatten has {{params}} parameters ({{inputs}} inputs × units), which is slow to train and overfits easily. Add pooling or strided convolutions before the Flatten, or use GlobalAveragePooling2D.",
    "Flatten 之后的 Dense '{{name}}' 有 {{params}} 个参数（{{inputs}} 个输入 × 单元数），训练慢且容易过拟合。请在 Flatten 之前加池化或带步长的卷积，或改用 GlobalAveragePooling2D。",
  ),
  'vanishing-gradient': m(
    "'{{name}}' is the {{count}}th sigmoid/tanh layer in a row; gradients shrink at each one, so the first layers will barely learn. Use relu in the hidden layers.",
    "'{{name}}' 是连续第 {{count}} 个 sigmoid/tanh 层；梯度每经过一层都会变小，前面的层几乎学不到东西。请在隐藏层使用 relu。",
  ),
  'dense-on-image': m(
    "Dense '{{name}}' receives {{actual}} and acts only on the last axis, so its output keeps the image layout. Add a Flatten before it.",
    "Dense '{{name}}' 收到的是 {{actual}}，只作用在最后一个轴上，输出仍保持图像布局。请在它前面加 Flatten。",
  ),
  'head-box-units': m(
    "Output head '{{name}}' learns a box but has {{units}} units; a box needs 4 (x, y, width, height). Set the Dense before it to 4 units.",
    "输出头 '{{name}}' 学习边框，但有 {{units}} 个单元；边框需要 4 个（x、y、宽、高）。请把它前面的 Dense 设为 4 个单元。",
  ),
  'head-box-softmax': m(
    "Output head '{{name}}' learns a box through a softmax, which makes the 4 numbers add up to 1, so most boxes cannot be expressed. Use sigmoid (values in 0…1) or linear.",
    "输出头 '{{name}}' 通过 softmax 学习边框，softmax 使 4 个数之和为 1，大多数边框无法表示。请改用 sigmoid（取值 0…1）或 linear。",
  ),
  'head-loss-target-mismatch': m(
    "Output head '{{name}}' learns '{{target}}' with the loss {{loss}}, which does not suit it. Use categoricalCrossentropy for a class and meanSquaredError or huber for a box.",
    "输出头 '{{name}}' 用损失函数 {{loss}} 学习 '{{target}}'，二者不匹配。类别请用 categoricalCrossentropy，边框请用 meanSquaredError 或 huber。",
  ),
  'loss-activation-mismatch': m(
    "Output '{{name}}' uses activation '{{activation}}' but the loss is {{loss}}, which expects {{expected}}. Change the output activation to {{expected}}.",
    "输出层 '{{name}}' 的激活函数是 '{{activation}}'，但损失函数 {{loss}} 需要 {{expected}}。请把输出层的激活函数改为 {{expected}}。",
  ),

  // ── Project files ─────────────────────────────────────────────────────
  'not-json': m(
    'This file is not a LayerLab project: it is not valid JSON ({{detail}}). Your current work is still open.',
    '这个文件不是 LayerLab 项目：不是有效的 JSON（{{detail}}）。当前的工作仍然保持打开。',
  ),
  'not-a-project': m(
    'This file is JSON but not a LayerLab project (it has no "format": "layerlab" marker). Your current work is still open.',
    '这个文件是 JSON，但不是 LayerLab 项目（缺少 "format": "layerlab" 标记）。当前的工作仍然保持打开。',
  ),
  'file-too-large': m(
    'This file is too large to be a LayerLab project (more than {{max}}). Your current work is still open.',
    '这个文件太大，不可能是 LayerLab 项目（超过 {{max}}）。当前的工作仍然保持打开。',
  ),
  'future-version': m(
    'This project was saved by a newer LayerLab (file version {{version}}; this app reads up to {{supported}}). Update LayerLab to open it.',
    '这个项目由更新版本的 LayerLab 保存（文件版本 {{version}}；当前应用最高支持 {{supported}}）。请更新 LayerLab 后再打开。',
  ),
  'unknown-version': m(
    'This project has an unreadable file version ({{version}}). The file may be damaged.',
    '这个项目的文件版本无法识别（{{version}}），文件可能已损坏。',
  ),
  'invalid-structure': m(
    'This project file is damaged: {{path}} {{detail}}. Your current work is still open.',
    '这个项目文件已损坏：{{path}} {{detail}}。当前的工作仍然保持打开。',
  ),
  'migration-failed': m(
    'This project could not be upgraded from file version {{version}} ({{detail}}).',
    '无法把这个项目从文件版本 {{version}} 升级（{{detail}}）。',
  ),

  // ── Trained models saved with a project (core/io/trained-model) ───────
  'trained-model-damaged': m(
    'The trained model saved in this project could not be restored: its data is damaged ({{detail}}). The network is open as saved; train it again to get a model.',
    '无法恢复保存在这个项目中的训练好的模型：模型数据已损坏（{{detail}}）。网络已按保存时的样子打开；请重新训练以得到模型。',
  ),
  'training-checkpoint-damaged': m(
    'The training checkpoint kept for crash recovery is damaged ({{detail}}), so training cannot resume from it. The project is restored; train it again.',
    '为崩溃恢复保存的训练检查点已损坏（{{detail}}），无法从它继续训练。项目已恢复；请重新训练。',
  ),
  'trained-model-weights-missing': m(
    'The trained model saved in this project could not be restored: weight data {{detail}} is missing. The network is open as saved; train it again to get a model.',
    '无法恢复保存在这个项目中的训练好的模型：缺少权重数据 {{detail}}。网络已按保存时的样子打开；请重新训练以得到模型。',
  ),
  'trained-model-weights-truncated': m(
    'The trained model saved in this project could not be restored: its weights are cut short or too long ({{detail}}). The network is open as saved; train it again to get a model.',
    '无法恢复保存在这个项目中的训练好的模型：权重数据不完整或长度不对（{{detail}}）。网络已按保存时的样子打开；请重新训练以得到模型。',
  ),
  'trained-model-other-graph': m(
    'The trained model saved in this project was trained for a different network than the one in the file, so it was not used. The network is open as saved; train it again to get a model.',
    '保存在这个项目中的训练好的模型是为另一个网络训练的，与文件中的网络不一致，因此没有使用。网络已按保存时的样子打开；请重新训练以得到模型。',
  ),
  'trained-model-wrong-shape': m(
    "The trained model saved in this project could not be restored: layer '{{detail}}' has weights of the wrong shape. The network is open as saved; train it again to get a model.",
    "无法恢复保存在这个项目中的训练好的模型：层 '{{detail}}' 的权重形状不对。网络已按保存时的样子打开；请重新训练以得到模型。",
  ),

  // ── Why TF.js trains instead of LayerLab's engine (status bar; reason-messages.ts) ──
  'engine-gpu-backend': m(
    "TF.js trains on the GPU, which is faster here than LayerLab's engine.",
    'TF.js 在 GPU 上训练，这里比 LayerLab 引擎更快。',
  ),
  'engine-requested': m('TF.js was asked for.', '指定使用 TF.js。'),
  'engine-output-heads': m(
    "LayerLab's engine trains networks with one output; this one has output heads, so TF.js trains it.",
    'LayerLab 引擎只训练单输出的网络；这个网络有多个输出头，因此由 TF.js 训练。',
  ),
  'engine-no-simd': m(
    "This runtime has no WebAssembly SIMD, which LayerLab's engine needs.",
    '当前运行环境不支持 WebAssembly SIMD，而 LayerLab 引擎需要它。',
  ),
  'engine-no-kernels': m(
    "LayerLab's engine kernels are missing from this installation.",
    '此安装缺少 LayerLab 引擎的计算内核。',
  ),
  'engine-not-a-chain': m(
    "LayerLab's engine trains only networks with one input and one output.",
    'LayerLab 引擎只能训练单输入、单输出的网络。',
  ),
  'engine-shared-layer': m(
    "A layer of this network is used more than once, which LayerLab's engine does not train yet.",
    '这个网络中有一层被使用了不止一次，LayerLab 引擎暂不支持这样训练。',
  ),
  'engine-unsupported-layer': m(
    "A layer of this network is not in LayerLab's engine yet.",
    '这个网络中有一层 LayerLab 引擎暂不支持。',
  ),
  'engine-unsupported-setting': m(
    "A layer setting of this network is not in LayerLab's engine yet.",
    '这个网络中有一层的设置 LayerLab 引擎暂不支持。',
  ),
  'engine-unsupported-input': m(
    "This network's input is not supported by LayerLab's engine.",
    'LayerLab 引擎不支持这个网络的输入。',
  ),
  'engine-unsupported-loss': m(
    "This loss and output layer are not supported together by LayerLab's engine.",
    'LayerLab 引擎不支持这种损失函数与输出层的组合。',
  ),

  // ── Why TF.js runs on its backend (status bar tooltip; reason-messages.ts) ──
  'backend-requested': m(
    'This backend was chosen in the Training panel.',
    '此后端是在训练面板中选择的。',
  ),
  'backend-webgpu-gpu-adapter': m(
    'WebGPU runs on a real GPU (its adapter is not a software one).',
    'WebGPU 运行在真实的 GPU 上（其适配器不是软件实现）。',
  ),
  'backend-gpu-renderer': m(
    'WebGL runs on a real GPU (no WebGPU on a real GPU here).',
    'WebGL 运行在真实的 GPU 上（此处没有可用真实 GPU 的 WebGPU）。',
  ),
  'backend-software-renderer': m(
    'The graphics here are software (no real GPU), slower than the CPU engine.',
    '此处的图形只能用软件渲染（没有真实的 GPU），比 CPU 引擎慢。',
  ),
  'backend-webgl-unavailable': m('WebGL is not available here.', '此处无法使用 WebGL。'),
  'backend-wasm-unavailable': m(
    'WASM could not start, so the CPU backend is used.',
    'WASM 无法启动，因此使用 CPU 后端。',
  ),
  'backend-requested-unavailable': m(
    'The chosen backend could not start; the next one that could is used.',
    '所选后端无法启动，已改用下一个可用的后端。',
  ),

  // ── Export ────────────────────────────────────────────────────────────
  'pytorch-unsupported': m(
    "No PyTorch version was exported: layer '{{layer}}' ({{kind}}) has no exact PyTorch form in LayerLab yet. The TensorFlow.js files work as usual.",
    "未导出 PyTorch 版本：层 '{{layer}}'（{{kind}}）在 LayerLab 中暂无完全等价的 PyTorch 形式。TensorFlow.js 文件照常可用。",
  ),
  'onnx-unsupported': m(
    "No model.onnx was exported: layer '{{layer}}' ({{kind}}) has no exact ONNX form in LayerLab yet. The other files work as usual.",
    "未导出 model.onnx：层 '{{layer}}'（{{kind}}）在 LayerLab 中暂无完全等价的 ONNX 形式。其他文件照常可用。",
  ),

  // ── Weights trained elsewhere (train.py's weights.npz) ────────────────
  'torch-weights-unreadable': m(
    'The weights file cannot be read: {{detail}}. Choose the weights.npz that train.py wrote.',
    '无法读取权重文件：{{detail}}。请选择 train.py 写出的 weights.npz。',
  ),
  'torch-weights-no-torch-form': m(
    "This network has no PyTorch form (layer '{{layer}}'), so it cannot take weights trained with PyTorch.",
    "此网络没有 PyTorch 形式（层 '{{layer}}'），因此无法载入用 PyTorch 训练的权重。",
  ),
  'torch-weights-missing': m(
    "The weights do not fit this network: '{{key}}' is missing. They were trained for a different network; export this one again and train that.",
    "权重与此网络不符：缺少 '{{key}}'。这些权重是为另一个网络训练的；请重新导出当前网络再训练。",
  ),
  'torch-weights-extra': m(
    "The weights do not fit this network: it has no '{{key}}'. They were trained for a different network; export this one again and train that.",
    "权重与此网络不符：此网络没有 '{{key}}'。这些权重是为另一个网络训练的；请重新导出当前网络再训练。",
  ),
  'torch-weights-wrong-shape': m(
    "The weights do not fit this network: '{{key}}' has the shape {{found}}, but this network needs {{expected}}. Layers were changed since the export; export again and retrain.",
    "权重与此网络不符：'{{key}}' 的形状是 {{found}}，但此网络需要 {{expected}}。导出后层被修改过；请重新导出并训练。",
  ),
  'torch-weights-not-finite': m(
    "The weights hold NaN or infinite values ('{{key}}'): the training diverged. Train again with a smaller learning rate.",
    "权重中含有 NaN 或无穷大的值（'{{key}}'）：训练发散了。请用更小的学习率重新训练。",
  ),
  'torch-weights-not-representable': m(
    "The weights changed '{{key}}', which LayerLab's network does not have. Train with the train.py of the export, which keeps it fixed.",
    "权重修改了 '{{key}}'，而 LayerLab 的网络中没有这一项。请使用导出文件夹中的 train.py 训练，它会保持该项不变。",
  ),
  'torch-run-unreadable': m(
    'The run record (train-metrics.json) cannot be read: {{detail}}.',
    '无法读取训练记录（train-metrics.json）：{{detail}}。',
  ),
} satisfies Record<string, Translated>;

/** Every code the message table knows. */
export type MessageCode = keyof typeof messages;

function m(en: string, zh: string): Translated {
  return { en, 'zh-CN': zh };
}

const placeholder = /\{\{(\w+)\}\}/g;

/**
 * Fills a message template. Args are inserted as plain text; the result is
 * text, never markup. A code missing from the table yields a generic line
 * rather than a throw.
 */
export function formatMessage(
  code: string,
  args: Readonly<Record<string, string | number>>,
  locale: Locale,
): string {
  const entry = (messages as Record<string, Translated | undefined>)[code];
  if (!entry) return locale === 'zh-CN' ? `问题：${code}` : `Problem: ${code}`;
  return entry[locale].replace(placeholder, (whole, key: string) => {
    const value = args[key];
    return value === undefined ? whole : String(value);
  });
}

/** The diagnostic's message in the given UI language. */
export function formatDiagnostic(d: Pick<Diagnostic, 'code' | 'args'>, locale: Locale): string {
  return formatMessage(d.code, d.args, locale);
}

/** Names of the `{{placeholders}}` a code's message uses (for tests and tooling). */
export function messagePlaceholders(code: string): string[] {
  const entry = (messages as Record<string, Translated | undefined>)[code];
  if (!entry) return [];
  return [...new Set([...entry.en.matchAll(placeholder)].map((x) => x[1] as string))];
}
