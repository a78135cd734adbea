// import.meta.glob (Vite) finds every kind folder's conformance.ts.
/// <reference types="vite/client" />
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';

import type { Shape } from '../shapes/shape';
import { inferNodeShape } from '../shapes/infer';
import { defaultParams, layerCatalog } from './catalog';
import type { ConformanceCases } from './conformance-case';
import type { LayerSpec } from './spec';

/**
 * Keras's `run_layer_test` applied to our catalog: for every case, our
 * inference must agree with the layer TF.js actually builds (symbolically,
 * then run on zeros), including which inputs are refused, and no tensor may leak.
 */
/** Every kind folder's `conformance.ts`, merged (a kind's cases live beside its spec). */
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

const concrete = (shape: Shape, batch: number) => shape.map((d, i) => (i === 0 ? batch : (d ?? 3)));

interface TfOutcome {
  readonly accepted: boolean;
  /** The layer's `getConfig()`, and the config of a layer rebuilt from it (export depends on this round trip). */
  readonly config?: Record<string, unknown>;
  readonly rebuiltConfig?: Record<string, unknown>;
  readonly shape?: Shape;
  readonly paramCount?: number;
  readonly runShape?: number[];
  readonly error?: string;
}

/** Builds the layer with TF.js on symbolic inputs, then runs it on zeros; disposes everything. */
function buildWithTf(
  spec: LayerSpec,
  params: Record<string, unknown>,
  inputs: readonly Shape[],
): TfOutcome {
  const layer = spec.toTf!(params as never, `probe_${spec.kind.toLowerCase()}`);
  const symbolic = inputs.map((s) => tf.input({ shape: s.slice(1) as number[] }));
  let model: tf.LayersModel | null = null;
  try {
    let output: tf.SymbolicTensor;
    try {
      output = layer.apply(symbolic.length === 1 ? symbolic[0]! : symbolic) as tf.SymbolicTensor;
    } catch (e) {
      return { accepted: false, error: `symbolic: ${(e as Error).message}` };
    }
    const shape = output.shape as Shape;
    const paramCount = layer.countParams();
    const config = layer.getConfig() as Record<string, unknown>;
    const cls = layer.constructor as tf.serialization.SerializableConstructor<tf.layers.Layer>;
    const rebuiltConfig = cls.fromConfig(cls, layer.getConfig()).getConfig() as Record<
      string,
      unknown
    >;
    model = tf.model({ inputs: symbolic, outputs: output });
    try {
      const runShape = tf.tidy(() => {
        const xs = inputs.map((s) => tf.zeros(concrete(s, 2)));
        const y = model!.predict(xs.length === 1 ? xs[0]! : xs) as tf.Tensor;
        return y.shape;
      });
      return { accepted: true, shape, paramCount, runShape, config, rebuiltConfig };
    } catch (e) {
      return { accepted: false, shape, error: `run: ${(e as Error).message}` };
    }
  } finally {
    if (model) model.dispose();
    else disposeUnusedLayer(layer);
  }
}

/** A layer whose `apply` failed after `build` holds weights but refuses `dispose()`; free them directly. */
function disposeUnusedLayer(layer: tf.layers.Layer): void {
  for (const w of layer.weights) w.dispose();
}

describe('layer conformance with TF.js', () => {
  it('has a case table for every kind in the catalog', () => {
    expect(Object.keys(conformanceCases).sort()).toEqual(layerCatalog.map((s) => s.kind).sort());
  });

  for (const spec of layerCatalog) {
    const cases = conformanceCases[spec.kind] ?? [];
    for (const [i, c] of cases.entries()) {
      const params = { ...defaultParams(spec.kind), ...c.params };
      const title = `${spec.kind} #${i + 1} ${JSON.stringify(c.params ?? {})} on ${JSON.stringify(c.inputs)}`;

      if (spec.family === 'input') {
        it(`${title}: input shape equals tf.input`, () => {
          const ours = inferNodeShape(spec, [], params);
          const perSample = spec.inputShape!(params);
          const symbolic = tf.input({ shape: perSample });
          expect(ours.ok && ours.shape).toEqual(symbolic.shape);
          expect(ours.ok && ours.paramCount).toBe(0);
        });
        continue;
      }

      it(`${title}: agrees with TF.js and leaks no tensor`, () => {
        const before = tf.memory().numTensors;
        const ours = inferNodeShape(spec, c.inputs, params);
        const theirs = buildWithTf(spec, params, c.inputs);
        expect(tf.memory().numTensors).toBe(before);

        if (ours.ok) {
          expect(theirs.error).toBeUndefined();
          expect(ours.shape).toEqual(theirs.shape);
          expect(ours.paramCount).toBe(theirs.paramCount);
          expect(theirs.runShape).toEqual(concrete(ours.shape, 2));
          // TF.js's Embedding adds `dtype: 'float32'` when rebuilt from a config without one; nothing else may differ.
          expect({ ...theirs.rebuiltConfig, dtype: null }).toEqual({
            ...theirs.config,
            dtype: null,
          });
          // Every param TF.js also has must reach it unchanged (names are TF.js's own).
          for (const p of spec.params) {
            const value = ours.resolvedParams[p.name];
            if (theirs.config && p.name in theirs.config && value !== null)
              expect(theirs.config[p.name], p.name).toEqual(value);
          }
        } else if (c.stricter) {
          expect(theirs.accepted, `TF.js now refuses this too; drop the 'stricter' note`).toBe(
            true,
          );
        } else {
          expect(theirs.accepted, `we refuse with ${ours.problem?.code} but TF.js accepts`).toBe(
            false,
          );
        }
      });
    }
  }
});
