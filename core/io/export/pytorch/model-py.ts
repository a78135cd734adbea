import type { Topology } from '../../import/topology';
import { groupWeightsByLayer } from '../../import/weight-set';
import type { NamedWeight } from '../../import/weights';
import { pyDocstring, pyIdentifier, pythonKeywords } from '../../escape/python';
import { err, ok } from '../../../result';
import type { Result } from '../../../result';
import { encodeNpz } from './npz';
import type { NpyArray } from './npz';
import { pythonRuntime } from './python-runtime';
import { toTorchLayer, TorchUnsupported } from './torch-layers';

/** The PyTorch route of an export: `model.py` source and `weights.npz` bytes. */
export interface PytorchFiles {
  readonly modelPy: string;
  readonly weightsNpz: Uint8Array;
}

export interface PytorchRefusal {
  readonly code: 'pytorch-unsupported';
  /** English; names the layer and the reason (logs, the CLI, the exported README). */
  readonly message: string;
  readonly layer: string;
  /** The layer's TF.js class name (the UI says which layer by name and kind, in its language). */
  readonly kind: string;
}

/** Names that would shadow nn.Module members or Python keywords if used as attributes. */
const reserved = new Set([
  ...pythonKeywords,
  'self',
  'forward',
  'training',
  'train',
  'eval',
  'state_dict',
  'load_state_dict',
  'parameters',
  'buffers',
  'modules',
  'children',
  'apply',
  'cuda',
  'cpu',
  'to',
  'type',
  'float',
  'double',
  'half',
  'zero_grad',
  'register_buffer',
  'register_parameter',
  'add_module',
  'named_modules',
  'named_parameters',
  'requires_grad_',
  'extra_repr',
  'dump_patches',
  'call_super_init',
  'x',
  'inputs',
  'mask',
  'torch',
  'nn',
  'F',
  'np',
  'ACTIVATIONS',
]);

/** A layer name as a Python attribute: ASCII identifier characters, unique, not shadowing nn.Module. */
export function attributeNames(names: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const name of names) {
    const base = pyIdentifier(name, reserved);
    let candidate = base;
    for (let i = 2; used.has(candidate); i++) candidate = `${base}_${i}`;
    used.add(candidate);
    out.set(name, candidate);
  }
  return out;
}

/**
 * Generates `model.py` (an `nn.Module` computing what the TF.js model
 * computes) and `weights.npz` (its state_dict in PyTorch layouts) from a
 * model's topology and weights. Returns a refusal naming the first layer
 * without an exact PyTorch form instead of exporting something different.
 *
 * `description` (which may hold the project's name) becomes the module
 * docstring; like the model's name in the class docstring it is written as an
 * escaped string literal, never as code (core/io/escape/python.ts).
 */
export function buildPytorchFiles(
  topology: Topology,
  weights: readonly NamedWeight[],
  description: string,
): Result<PytorchFiles, PytorchRefusal> {
  const byLayer = groupWeightsByLayer(
    weights,
    topology.layers.map((l) => l.name),
  );
  const attrs = attributeNames(topology.layers.map((l) => l.name));
  const inits: string[] = [];
  const body: string[] = [];
  const state: Record<string, NpyArray> = {};
  const masks = new Map<string, string | null>();
  const attr = (name: string): string => attrs.get(name) ?? name;
  try {
    for (const layer of topology.layers) {
      const v = attr(layer.name);
      if (layer.className === 'InputLayer') continue;
      const converted = toTorchLayer(
        layer,
        new Map((byLayer[layer.name] ?? []).map((w) => [w.name, w])),
      );
      const inputs = layer.inbound.map(attr);
      const inMask =
        layer.inbound.length === 1 ? (masks.get(layer.inbound[0] ?? '') ?? null) : null;
      if (converted.module !== null) inits.push(`        self.${v} = ${converted.module}`);
      body.push(`        ${v} = ${converted.call(inputs, `self.${v}`, inMask)}`);
      const outMask = converted.mask?.(inputs, inMask) ?? null;
      if (outMask !== null) {
        body.push(`        ${v}_mask = ${outMask}`);
        masks.set(layer.name, `${v}_mask`);
      }
      for (const [suffix, array] of Object.entries(converted.state))
        state[`${v}.${suffix}`] = array;
    }
  } catch (e) {
    if (e instanceof TorchUnsupported)
      return err({
        code: 'pytorch-unsupported',
        message: e.message,
        layer: e.layerName,
        kind: topology.layers.find((l) => l.name === e.layerName)?.className ?? '',
      });
    throw e;
  }
  const inputNames = topology.inputs.map(attr);
  const outputs = topology.outputs.map(attr);
  const source = [
    pyDocstring(description),
    pythonRuntime,
    '',
    'class ExportedModel(nn.Module):',
    `    ${pyDocstring(`${topology.name}: inputs ${inputNames.join(', ')} in TensorFlow layout (batch first, channels last).`)}`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...(inits.length > 0 ? inits : ['        pass']),
    '',
    `    def forward(self, ${inputNames.join(', ')}):`,
    ...body,
    `        return ${outputs.length === 1 ? outputs[0] : `(${outputs.join(', ')})`}`,
    '',
    '',
    'def build_model(weights_path=None):',
    '    """The network in eval mode; with weights_path (weights.npz), the trained weights loaded."""',
    '    model = ExportedModel()',
    '    return load_weights(model, weights_path) if weights_path else model.eval()',
    '',
  ].join('\n');
  return ok({ modelPy: source, weightsNpz: encodeNpz(state) });
}
