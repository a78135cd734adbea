// import.meta.glob (Vite) finds every kind folder's conformance.ts.
/// <reference types="vite/client" />
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EngineUnsupported } from '../engine/layer-planning';
import { planEngineModel } from '../engine/plan-model';
import { convFilters } from '../inspect/filters';
import { InspectError } from '../inspect/inspect-error';
import { featureMapLayerNames } from '../inspect/model-layers';
import { withPreActivation } from '../inspect/pre-activations';
import { buildOnnxModel } from '../io/export/onnx/build-onnx';
import { buildPytorchFiles } from '../io/export/pytorch/model-py';
import { saveToArtifacts, tfjsModelFiles } from '../io/export/tfjs-files';
import { mapLayer } from '../io/import/layer-mapping';
import { readModelFolder } from '../io/import/model-folder';
import { inferNodeShape } from '../shapes/infer';
import type { Shape } from '../shapes/shape';
import type { LayerKind } from './capabilities';
import { capabilityNames } from './capabilities';
import { defaultParams, layerKinds } from './catalog';
import type { ConformanceCase, ConformanceCases } from './conformance-case';

/**
 * The catalog × capability test: every kind declares every capability
 * (supported and how, or unsupported and why), and every declared support is
 * backed by a working implementation, exercised on the kind's own conformance
 * cases: the engine plans the layer with TF.js's output shape, the PyTorch
 * export converts it, the ONNX export's model.onnx computes what TF.js computes
 * (in ONNX Runtime), the import maps the TF.js model.json back to the kind,
 * and inspection does what the record says (filters, feature maps,
 * pre-activations, receptive-field rule).
 */

const conformanceCases: ConformanceCases = Object.assign(
  {},
  ...Object.values(
    import.meta.glob<{ conformanceCases: ConformanceCases }>('./kinds/*/conformance.ts', {
      eager: true,
    }),
  ).map((m) => m.conformanceCases),
);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const layerName = 'probe';
const isKnown = (shape: Shape) => shape.slice(1).every((d) => typeof d === 'number');
const perExample = (shape: readonly (number | null)[]) => shape.slice(1);

interface Probe {
  readonly params: Record<string, unknown>;
  readonly inputs: readonly Shape[];
  readonly model: tf.LayersModel;
  readonly layer: tf.layers.Layer;
}

/** The cases our inference accepts, on fully known input shapes, with default params filled in. */
function acceptedCases(kind: LayerKind): { params: Record<string, unknown>; c: ConformanceCase }[] {
  return (conformanceCases[kind.spec.kind] ?? [])
    .map((c) => ({ c, params: { ...defaultParams(kind.spec.kind), ...c.params } }))
    .filter(({ c, params }) => {
      if (!c.inputs.every(isKnown)) return false;
      return inferNodeShape(kind.spec, c.inputs, params as never).ok;
    });
}

/** A TF.js model: inputs of the case's shapes → the kind's layer (dispose it after use). */
function probeModel(kind: LayerKind, params: Record<string, unknown>, inputs: readonly Shape[]) {
  const xs = inputs.map((s) => tf.input({ shape: perExample(s) as number[] }));
  const layer = kind.spec.toTf!(params as never, layerName);
  const out = layer.apply(xs.length === 1 ? xs[0]! : xs) as tf.SymbolicTensor;
  return { model: tf.model({ inputs: xs, outputs: out }), layer };
}

const probes = new Map<string, Probe[]>();
function probesOf(kind: LayerKind): Probe[] {
  let list = probes.get(kind.spec.kind);
  if (!list) {
    list = acceptedCases(kind).map(({ c, params }) => ({
      params,
      inputs: c.inputs,
      ...probeModel(kind, params, c.inputs),
    }));
    probes.set(kind.spec.kind, list);
  }
  return list;
}
afterAll(() => {
  for (const list of probes.values()) for (const p of list) p.model.dispose();
});

/** The model as the export writes it and the import reads it: topology + named weights. */
async function asModelFolder(model: tf.LayersModel) {
  const folder = readModelFolder(tfjsModelFiles(await saveToArtifacts(model), {}, 1 << 22));
  if (!folder.ok) throw new Error(folder.error.message);
  return folder.value;
}

const computableKinds = layerKinds.filter((k) => k.spec.family !== 'input');
const inputKinds = layerKinds.filter((k) => k.spec.family === 'input');

describe('every kind declares every capability', () => {
  for (const kind of layerKinds) {
    for (const capability of capabilityNames) {
      it(`${kind.spec.kind} × ${capability}: declared, and a reason when unsupported`, () => {
        const declared = (kind as unknown as Record<string, unknown>)[capability] as
          { supported?: unknown; reason?: unknown } | undefined;
        expect(declared, `${kind.spec.kind} declares nothing for ${capability}`).toBeTypeOf(
          'object',
        );
        expect(typeof declared?.supported, `${kind.spec.kind}.${capability}.supported`).toBe(
          'boolean',
        );
        if (declared?.supported === false)
          expect(String(declared.reason ?? '').length).toBeGreaterThan(10);
      });
    }
  }

  it('has conformance cases for every kind, and only for catalog kinds', () => {
    expect(Object.keys(conformanceCases).sort()).toEqual(layerKinds.map((k) => k.spec.kind).sort());
  });

  it('gives every TF.js class one kind, and every imported class one kind (InputLayer aside)', () => {
    const built = computableKinds.flatMap((k) => k.tfjs.classNames);
    expect(built.length, 'TF.js classes claimed by two kinds').toBe(new Set(built).size);
    const imported = layerKinds.flatMap((k) =>
      k.import?.supported ? k.import.classNames.filter((c) => c !== 'InputLayer') : [],
    );
    expect(imported.length, 'Keras classes read by two kinds').toBe(new Set(imported).size);
  });

  it('lets only input kinds leave a capability to the network input', () => {
    for (const kind of layerKinds) {
      const input = kind.spec.family === 'input';
      for (const capability of ['engine', 'pytorch', 'onnx'] as const) {
        const declared = kind[capability];
        if (declared === undefined) continue; // the declaration test names it
        const networkInput = declared.supported && declared.networkInput === true;
        expect(networkInput || !declared.supported, `${kind.spec.kind} × ${capability}`).toBe(
          input || !declared.supported,
        );
      }
    }
  });
});

describe('tfjs: toTf builds the classes the record names', () => {
  for (const kind of computableKinds) {
    it(`${kind.spec.kind}`, () => {
      expect(kind.spec.toTf, 'toTf').toBeTypeOf('function');
      expect(probesOf(kind).length, 'an accepted conformance case').toBeGreaterThan(0);
      for (const probe of probesOf(kind))
        expect(kind.tfjs.classNames).toContain(probe.layer.getClassName());
    });
  }
  for (const kind of inputKinds) {
    it(`${kind.spec.kind} is a tf.input`, () => {
      expect(kind.tfjs.classNames).toEqual(['InputLayer']);
      const shape = kind.spec.inputShape!(defaultParams(kind.spec.kind));
      expect(tf.input({ shape }).shape).toEqual([null, ...shape]);
    });
  }
});

describe('engine: a supported kind plans to an op with TF.js output shape', () => {
  for (const kind of computableKinds) {
    const engine = kind.engine;
    if (engine === undefined) continue;
    if (!engine.supported) {
      it(`${kind.spec.kind} is refused with its declared reason`, () => {
        const [probe] = probesOf(kind);
        const planned = planEngineModel(probe!.model, 'meanSquaredError');
        expect(planned).toMatchObject({ ok: false, code: 'unsupported-layer' });
        if (!planned.ok) expect(planned.reason).toContain(engine.reason);
      });
      continue;
    }
    if (!engine.networkInput && engine.merge) {
      const merge = engine.merge;
      it(`${kind.spec.kind} (a merge of its inputs)`, () => {
        let planned = 0;
        for (const probe of probesOf(kind)) {
          if (probe.inputs.length < 2) continue;
          try {
            const op = merge(
              {
                name: layerName,
                className: probe.layer.getClassName(),
                config: probe.layer.getConfig() as Record<string, unknown>,
              },
              probe.inputs.map((shape) => perExample(shape) as number[]),
            );
            expect(op.outShape).toEqual(perExample(probe.layer.outputShape as Shape));
            planned++;
          } catch (error) {
            if (!(error instanceof EngineUnsupported)) throw error; // a setting it refuses is fine
          }
        }
        expect(planned, 'conformance cases the engine plans').toBeGreaterThan(0);
      });
      continue;
    }
    it(`${kind.spec.kind}`, () => {
      if (engine.networkInput) throw new Error(`${kind.spec.kind} is a layer, not an input`);
      if (engine.merge) throw new Error(`${kind.spec.kind} is a merge`);
      expect(engine.plan, 'plan').toBeTypeOf('function');
      let planned = 0;
      for (const probe of probesOf(kind)) {
        const inShape = perExample(probe.inputs[0]!) as number[];
        try {
          const { op } = engine.plan(
            {
              name: layerName,
              className: probe.layer.getClassName(),
              config: probe.layer.getConfig() as Record<string, unknown>,
            },
            inShape,
          );
          expect(op.outShape).toEqual(perExample(probe.layer.outputShape as Shape));
          planned++;
        } catch (error) {
          if (!(error instanceof EngineUnsupported)) throw error; // a setting it refuses is fine
        }
      }
      expect(planned, 'conformance cases the engine plans').toBeGreaterThan(0);
    });
  }
});

describe('pytorch: a supported kind converts every accepted case', () => {
  for (const kind of computableKinds) {
    if (kind.pytorch?.supported !== true) continue; // undeclared: the declaration test fails
    it(`${kind.spec.kind}`, async () => {
      const pytorch = kind.pytorch;
      expect(pytorch.supported && pytorch.networkInput).toBeFalsy();
      for (const probe of probesOf(kind)) {
        const folder = await asModelFolder(probe.model);
        const files = buildPytorchFiles(folder.topology, folder.weights.weights, '');
        expect(files.ok ? 'ok' : files.error.message).toBe('ok');
        if (files.ok) expect(files.value.modelPy).toContain(`probe = `);
      }
    });
  }
});

/** Deterministic inputs for a probe: token ids below inputDim for Embedding, else values in [-1, 1). */
function probeInputs(kind: LayerKind, probe: Probe): tf.Tensor[] {
  return probe.inputs.map((s, i) => {
    const shape = [3, ...(perExample(s) as number[])];
    if (kind.spec.kind !== 'Embedding') return tf.randomUniform(shape, -1, 1, 'float32', 11 + i);
    const inputDim = Number(probe.params['inputDim']);
    return tf.floor(tf.randomUniform(shape, 0, inputDim, 'float32', 11 + i));
  });
}

describe('onnx: model.onnx of a supported kind computes what TF.js computes (ONNX Runtime)', () => {
  ort.env.wasm.numThreads = 1;
  for (const kind of computableKinds) {
    if (kind.onnx?.supported !== true) continue; // undeclared: the declaration test fails
    it(`${kind.spec.kind}`, async () => {
      for (const probe of probesOf(kind)) {
        const folder = await asModelFolder(probe.model);
        const built = buildOnnxModel(folder.topology, folder.weights.weights, {
          outputShapes: probe.model.outputs.map((o) => o.shape),
          metadata: [],
          producerVersion: 'test',
          docString: '',
        });
        expect(built.ok ? 'ok' : built.error.message).toBe('ok');
        if (!built.ok) continue;
        const xs = probeInputs(kind, probe);
        const expected = tf.tidy(() =>
          (probe.model.predict(xs.length === 1 ? xs[0]! : xs) as tf.Tensor).dataSync(),
        );
        const session = await ort.InferenceSession.create(built.value);
        const feeds = Object.fromEntries(
          xs.map((x, i) => [
            i === 0 ? 'input' : `input_${i + 1}`,
            new ort.Tensor('float32', x.dataSync() as Float32Array, x.shape),
          ]),
        );
        const { output } = await session.run(feeds);
        await session.release();
        tf.dispose(xs);
        const got = output!.data as Float32Array;
        expect(got.length, JSON.stringify(probe.params)).toBe(expected.length);
        let maxDiff = 0;
        for (let i = 0; i < got.length; i++)
          maxDiff = Math.max(maxDiff, Math.abs((got[i] as number) - (expected[i] as number)));
        expect(maxDiff, JSON.stringify(probe.params)).toBeLessThan(1e-4);
      }
    });
  }
});

describe('import: what LayerLab writes, it reads back as the same kind', () => {
  for (const kind of computableKinds) {
    if (kind.import?.supported !== true) continue;
    it(`${kind.spec.kind}`, async () => {
      for (const probe of probesOf(kind)) {
        const { topology } = await asModelFolder(probe.model);
        const layer = topology.layers.find((l) => l.name === layerName)!;
        expect(kind.import.supported && kind.import.classNames).toContain(layer.className);
        const mapped = mapLayer(layer, topology);
        expect(mapped.ok ? mapped.value.kind : mapped.error.message).toBe(kind.spec.kind);
      }
    });
  }
  it.each([
    ['ImageInput', [28, 28, 1], 'float32', (x: tf.SymbolicTensor) => tf.layers.flatten().apply(x)],
    [
      'VectorInput',
      [12],
      'float32',
      (x: tf.SymbolicTensor) => tf.layers.dense({ units: 2 }).apply(x),
    ],
    [
      'SequenceInput',
      [7],
      'int32',
      (x: tf.SymbolicTensor) => tf.layers.embedding({ inputDim: 9, outputDim: 2 }).apply(x),
    ],
  ] as const)('%s reads the InputLayer it describes', async (kindName, shape, dtype, next) => {
    const input = tf.input({ shape: [...shape], dtype, name: layerName });
    const model = tf.model({ inputs: input, outputs: next(input) as tf.SymbolicTensor });
    const { topology } = await asModelFolder(model);
    model.dispose();
    const mapped = mapLayer(
      topology.layers.find((l) => l.name === layerName)!,
      topology,
    );
    expect(mapped.ok ? mapped.value.kind : mapped.error.message).toBe(kindName);
  });
});

describe('inspect: the Inspect panel does what the record says', () => {
  for (const kind of computableKinds) {
    const inspect = kind.inspect;
    if (inspect?.supported !== true) continue;
    it(`${kind.spec.kind}`, () => {
      const [probe] = probesOf(kind);
      const { model } = probe!;
      expect(featureMapLayerNames(model).includes(layerName), 'featureMaps').toBe(
        inspect.featureMaps,
      );
      if (inspect.filters) {
        // Filters are drawn as small images: a kernel with spatial axes ([k, in, out] or [kh, kw, in, out]).
        const { kernel } = convFilters(model, layerName);
        expect(kernel.shape.length, 'kernel rank').toBeGreaterThanOrEqual(3);
        expect(kernel.values.length).toBeGreaterThan(0);
      } else expect(() => convFilters(model, layerName)).toThrow(InspectError);

      const zeros = () => probe!.inputs.map((s) => tf.zeros([2, ...(perExample(s) as number[])]));
      const preActivationShape = () =>
        withPreActivation(model, layerName, (z) =>
          tf.tidy(() => {
            const xs = zeros();
            return z(xs.length === 1 ? xs[0]! : (xs as never)).shape;
          }),
        );
      if (inspect.preActivation === 'input' || inspect.preActivation === 'linear-twin')
        expect(preActivationShape()).toEqual(probe!.layer.outputShape.map((d) => d ?? 2));
      else expect(preActivationShape).toThrow(InspectError);

      const rf = inspect.receptiveField;
      expect(rf.rule, 'only input kinds use the input rule').not.toBe('input');
      if (rf.rule === 'window') {
        const window = rf.pooling ? 'poolSize' : 'kernelSize';
        expect(kind.spec.params.map((p) => p.name)).toContain(window);
        expect(perExample(probe!.inputs[0]!).length, 'spatial axes + channels').toBe(rf.axes + 1);
      }
    });
  }
  for (const kind of inputKinds) {
    it(`${kind.spec.kind} is a receptive-field origin`, () => {
      const inspect = kind.inspect;
      expect(inspect.supported && inspect.receptiveField.rule).toBe('input');
      if (inspect.supported && inspect.receptiveField.rule === 'input') {
        const shape = kind.spec.inputShape!(defaultParams(kind.spec.kind));
        // Images [H, W, C] have 2 spatial axes, sequences [T] 1, vectors [N] none.
        expect(inspect.receptiveField.axes).toBe(
          kind.spec.kind === 'SequenceInput' ? 1 : shape.length - 1,
        );
      }
    });
  }
});
