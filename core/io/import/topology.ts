import { err, ok } from '../../result';
import type { Result } from '../../result';
import { importError } from './import-error';
import type { ImportError } from './import-error';

/**
 * One layer of a TF.js/Keras `modelTopology`, with Sequential and functional
 * models reduced to the same form: the layer's inputs named explicitly.
 * `config` keeps the file's snake_case keys (`kernel_size`).
 */
export interface TopologyLayer {
  readonly name: string;
  readonly className: string;
  readonly config: Readonly<Record<string, unknown>>;
  /** Names of the layers whose outputs feed this one, in input order. */
  readonly inbound: readonly string[];
}

/** A model's layers in topological order, with its input and output layer names. */
export interface Topology {
  readonly name: string;
  readonly layers: readonly TopologyLayer[];
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

/** More layers than any course model needs; keeps a hostile file from costing minutes. */
const maxLayers = 5000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(message: string, subject?: string): Result<never, ImportError> {
  return err(importError('import-bad-topology', message, subject));
}

/**
 * Reads `modelTopology` as written by `model.save()` (TF.js), Keras 2 `to_json()`
 * or Keras 3 (`inbound_nodes` with `keras_history`). Checks structure only:
 * unique names, inputs that exist, no cycles. Never throws.
 */
export function parseTopology(modelTopology: unknown): Result<Topology, ImportError> {
  // TF.js writes {class_name, config, keras_version}; some tools wrap it in {model_config: …}.
  const root =
    isObject(modelTopology) && isObject(modelTopology['model_config'])
      ? modelTopology['model_config']
      : modelTopology;
  if (!isObject(root) || typeof root['class_name'] !== 'string')
    return bad('modelTopology has no class_name: this is not a TF.js layers model.');
  const className = root['class_name'];
  const config = root['config'];
  if (className === 'Sequential') {
    const layers = Array.isArray(config) ? config : isObject(config) ? config['layers'] : undefined;
    const name =
      isObject(config) && typeof config['name'] === 'string' ? config['name'] : 'sequential';
    return parseSequential(name, layers);
  }
  if (className === 'Model' || className === 'Functional') {
    if (!isObject(config)) return bad(`A ${className} topology needs a config object.`);
    return parseFunctional(config);
  }
  return bad(
    `Unsupported model class "${className}": expected Sequential, Model or Functional.`,
    className,
  );
}

function readLayerHeader(
  raw: unknown,
  index: number,
): Result<{ className: string; config: Json; name: string | null }, ImportError> {
  if (!isObject(raw) || typeof raw['class_name'] !== 'string')
    return bad(`Layer #${index + 1} has no class_name.`);
  const config = raw['config'] ?? {};
  if (!isObject(config))
    return bad(`Layer #${index + 1} (${raw['class_name']}) has a config that is not an object.`);
  const name =
    typeof raw['name'] === 'string'
      ? raw['name']
      : typeof config['name'] === 'string'
        ? config['name']
        : null;
  return ok({ className: raw['class_name'], config, name });
}

function parseSequential(modelName: string, rawLayers: unknown): Result<Topology, ImportError> {
  if (!Array.isArray(rawLayers) || rawLayers.length === 0)
    return bad('A Sequential topology needs a non-empty layer list.');
  if (rawLayers.length > maxLayers)
    return bad(`The model has ${rawLayers.length} layers; at most ${maxLayers} are supported.`);
  const layers: TopologyLayer[] = [];
  for (const [i, raw] of rawLayers.entries()) {
    const header = readLayerHeader(raw, i);
    if (!header.ok) return header;
    const { className, config } = header.value;
    const name = header.value.name ?? `${className.toLowerCase()}_${i + 1}`;
    if (i === 0 && className !== 'InputLayer') {
      // Keras names the implicit input `<first layer>_input`; its shape sits on the first layer.
      const shape = config['batch_input_shape'] ?? config['batch_shape'];
      if (!Array.isArray(shape))
        return bad(
          `The first layer "${name}" declares no batch_input_shape, so the input shape is unknown.`,
          name,
        );
      layers.push({
        name: `${name}_input`,
        className: 'InputLayer',
        config: {
          batch_input_shape: shape,
          dtype: config['dtype'] ?? 'float32',
          name: `${name}_input`,
        },
        inbound: [],
      });
    }
    const previous = layers[layers.length - 1];
    layers.push({
      name,
      className,
      config,
      inbound: previous === undefined ? [] : [previous.name],
    });
  }
  const first = layers[0];
  const last = layers[layers.length - 1];
  if (first === undefined || last === undefined)
    return bad('A Sequential topology needs a non-empty layer list.');
  return checkNames({ name: modelName, layers, inputs: [first.name], outputs: [last.name] });
}

/** Layer names referenced by one Keras 2 or Keras 3 `inbound_nodes` entry. */
function inboundNames(inboundNodes: unknown, layerName: string): Result<string[], ImportError> {
  if (inboundNodes === undefined || (Array.isArray(inboundNodes) && inboundNodes.length === 0))
    return ok([]);
  if (!Array.isArray(inboundNodes))
    return bad(`Layer "${layerName}" has malformed inbound_nodes.`, layerName);
  if (inboundNodes.length > 1)
    return bad(
      `Layer "${layerName}" is applied ${inboundNodes.length} times (shared layer); LayerLab graphs use each layer once.`,
      layerName,
    );
  const node = inboundNodes[0];
  const names: string[] = [];
  if (Array.isArray(node)) {
    // Keras 2 / TF.js: [[name, nodeIndex, tensorIndex, kwargs], …]
    for (const entry of node) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string')
        return bad(`Layer "${layerName}" has malformed inbound_nodes.`, layerName);
      names.push(entry[0]);
    }
    return ok(names);
  }
  if (isObject(node) && Array.isArray(node['args'])) {
    // Keras 3: {args: [tensor | [tensor, …]], kwargs}
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (
        isObject(value) &&
        isObject(value['config']) &&
        Array.isArray(value['config']['keras_history'])
      ) {
        const history = value['config']['keras_history'];
        if (typeof history[0] === 'string') names.push(history[0]);
      }
    };
    visit(node['args']);
    return ok(names);
  }
  return bad(`Layer "${layerName}" has malformed inbound_nodes.`, layerName);
}

function endpointNames(value: unknown, what: string): Result<string[], ImportError> {
  if (!Array.isArray(value) || value.length === 0) return bad(`The topology lists no ${what}.`);
  // [[name, 0, 0], …] or, for a single endpoint in Keras 3, [name, 0, 0].
  const list = typeof value[0] === 'string' ? [value] : value;
  const names: string[] = [];
  for (const entry of list) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string')
      return bad(`The topology's ${what} are malformed.`);
    names.push(entry[0]);
  }
  return ok(names);
}

function parseFunctional(config: Json): Result<Topology, ImportError> {
  const rawLayers = config['layers'];
  if (!Array.isArray(rawLayers) || rawLayers.length === 0)
    return bad('A functional topology needs a non-empty layer list.');
  if (rawLayers.length > maxLayers)
    return bad(`The model has ${rawLayers.length} layers; at most ${maxLayers} are supported.`);
  const layers: TopologyLayer[] = [];
  for (const [i, raw] of rawLayers.entries()) {
    const header = readLayerHeader(raw, i);
    if (!header.ok) return header;
    const name = header.value.name;
    if (name === null) return bad(`Layer #${i + 1} (${header.value.className}) has no name.`);
    const inbound = inboundNames((raw as Json)['inbound_nodes'], name);
    if (!inbound.ok) return inbound;
    layers.push({
      name,
      className: header.value.className,
      config: header.value.config,
      inbound: inbound.value,
    });
  }
  const inputs = endpointNames(config['input_layers'], 'input layers');
  if (!inputs.ok) return inputs;
  const outputs = endpointNames(config['output_layers'], 'output layers');
  if (!outputs.ok) return outputs;
  const name = typeof config['name'] === 'string' ? config['name'] : 'model';
  const checked = checkNames({ name, layers, inputs: inputs.value, outputs: outputs.value });
  if (!checked.ok) return checked;
  return sortTopologically(checked.value);
}

function checkNames(topology: Topology): Result<Topology, ImportError> {
  const seen = new Set<string>();
  for (const layer of topology.layers) {
    if (seen.has(layer.name))
      return bad(`Two layers are named "${layer.name}"; layer names must be unique.`, layer.name);
    seen.add(layer.name);
  }
  for (const layer of topology.layers) {
    for (const source of layer.inbound) {
      if (!seen.has(source))
        return bad(
          `Layer "${layer.name}" takes its input from "${source}", which is not in the model.`,
          layer.name,
        );
    }
  }
  for (const name of [...topology.inputs, ...topology.outputs]) {
    if (!seen.has(name))
      return bad(`The model's inputs/outputs name "${name}", which is not a layer.`, name);
  }
  return ok(topology);
}

/** Kahn's algorithm, keeping file order among ready layers; a leftover layer means a cycle. */
function sortTopologically(topology: Topology): Result<Topology, ImportError> {
  const placed = new Set<string>();
  const ordered: TopologyLayer[] = [];
  let pending = [...topology.layers];
  while (pending.length > 0) {
    const ready = pending.filter((l) => l.inbound.every((s) => placed.has(s)));
    if (ready.length === 0) {
      const stuck = pending[0]?.name ?? '';
      return bad(
        `The layers around "${stuck}" form a cycle; a model must flow from inputs to outputs.`,
        stuck,
      );
    }
    for (const layer of ready) {
      placed.add(layer.name);
      ordered.push(layer);
    }
    pending = pending.filter((l) => !placed.has(l.name));
  }
  return ok({ ...topology, layers: ordered });
}
