import { describe, expect, inject, it } from 'vitest';

import {
  defaultTrainingConfig,
  type EdgeId,
  type EngineBuild,
  type GraphDoc,
  type NodeId,
  type TrainingConfig,
} from '@core';
import { inProcessParallel } from '@core/testing';

import { createMacrotaskYield } from './macrotask';
import type { DatasetPayload, FromWorker } from './training-protocol';
import { createTrainingSession } from './training-session';

function graph(outActivation = 'softmax'): GraphDoc {
  const n = (
    id: string,
    kind: string,
    params: Record<string, number | string | boolean | number[]>,
  ) => ({ id: id as NodeId, kind, name: id, params, position: { x: 0, y: 0 } });
  const e = (id: string, source: string, target: string) => ({
    id: id as EdgeId,
    source: source as NodeId,
    target: target as NodeId,
  });
  return {
    nodes: {
      img: n('img', 'ImageInput', { height: 4, width: 4, channels: 1 }),
      flat: n('flat', 'Flatten', {}),
      out: n('out', 'Dense', {
        units: 2,
        activation: outActivation,
        unitsFromDataset: true,
        useBias: true,
      }),
    } as GraphDoc['nodes'],
    edges: { e1: e('e1', 'img', 'flat'), e2: e('e2', 'flat', 'out') } as GraphDoc['edges'],
  };
}

/** 2 classes of 4×4 images: bright top half vs bright bottom half. */
function dataset(count = 64): DatasetPayload {
  const pixels = new Uint8Array(count * 16);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    for (let p = 0; p < 16; p++) pixels[i * 16 + p] = p < 8 === (i % 2 === 0) ? 200 + (i % 50) : 20;
  }
  const validation = Array.from({ length: count }, (_, i) => i).filter((i) => i % 5 === 0);
  const train = Array.from({ length: count }, (_, i) => i).filter((i) => i % 5 !== 0);
  const options = {
    width: 4,
    height: 4,
    colorMode: 'grayscale' as const,
    resizeMode: 'stretch' as const,
    normalization: 'zeroToOne' as const,
    augmentation: {
      enabled: false,
      flipHorizontal: false,
      flipVertical: false,
      maxShift: 0,
      maxRotation: 0,
      maxBrightness: 0,
    },
  };
  return {
    kind: 'image',
    count,
    pixels,
    options,
    labels,
    classNames: ['top', 'bottom'],
    split: { train, validation },
  };
}

const training = (over: Partial<TrainingConfig> = {}): TrainingConfig => ({
  ...defaultTrainingConfig,
  batchSize: 8,
  epochs: 3,
  backend: 'cpu',
  optimizer: { kind: 'adam', learningRate: 0.05 },
  ...over,
});

/** A residual branch: img → flat → (d1, d2) → Add → out. */
function branchedGraph(): GraphDoc {
  const base = graph();
  const n = (id: string, kind: string, params: Record<string, number | string | boolean>) => ({
    id: id as NodeId,
    kind,
    name: id,
    params,
    position: { x: 0, y: 0 },
  });
  const e = (id: string, source: string, target: string) => ({
    id: id as EdgeId,
    source: source as NodeId,
    target: target as NodeId,
  });
  const dense = { units: 4, activation: 'relu', useBias: true, unitsFromDataset: false };
  return {
    nodes: {
      ...base.nodes,
      d1: n('d1', 'Dense', dense),
      d2: n('d2', 'Dense', dense),
      add: n('add', 'Add', {}),
    } as GraphDoc['nodes'],
    edges: {
      e1: e('e1', 'img', 'flat'),
      e2: e('e2', 'flat', 'd1'),
      e3: e('e3', 'flat', 'd2'),
      e4: e('e4', 'd1', 'add'),
      e5: e('e5', 'd2', 'add'),
      e6: e('e6', 'add', 'out'),
    } as GraphDoc['edges'],
  };
}

/**
 * The engine builds from core/engine/build, as the worker would fetch them:
 * vitest's global setup (scripts/build-wasm.ts) builds them and provides them base64.
 */
const readEngineWasm = (build: EngineBuild): Promise<Uint8Array | null> => {
  const builds = (inject as (key: string) => unknown)('engineWasm') as Record<EngineBuild, string>;
  const binary = atob(builds[build]);
  return Promise.resolve(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

function harness(
  options: { engine?: boolean; parallel?: ReturnType<typeof inProcessParallel> } = {},
) {
  const messages: FromWorker[] = [];
  const waiters: { test: (m: FromWorker) => boolean; resolve: (m: FromWorker) => void }[] = [];
  const session = createTrainingSession({
    post: (m) => {
      messages.push(m);
      for (const w of [...waiters]) {
        if (!w.test(m)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    },
    yieldToEventLoop: createMacrotaskYield(),
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
    now: () => performance.now(),
    ...(options.engine ? { loadEngineWasm: readEngineWasm } : {}),
    ...(options.parallel ? { engineParallel: options.parallel } : {}),
  });
  const next = (test: (m: FromWorker) => boolean): Promise<FromWorker> => {
    const seen = messages.find(test);
    return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ test, resolve }));
  };
  return { session, messages, next };
}

const isState = (status: string) => (m: FromWorker) => m.type === 'state' && m.status === status;

describe('training session (the worker without the worker)', () => {
  it('reports the backend, then compiling → training → completed with batch and epoch numbers', async () => {
    const { session, messages, next } = harness();
    await session.handle({ type: 'init', backend: 'cpu', wasmPaths: {} });
    expect(messages[0]).toMatchObject({
      type: 'backend-info',
      info: { backend: 'cpu', reason: 'requested' },
    });
    void session.handle({
      type: 'start',
      runId: 1,
      graph: graph(),
      training: training(),
      inference: { datasetClassCount: 2 },
      dataset: dataset(),
    });
    await next(isState('completed'));
    const states = messages
      .filter((m) => m.type === 'state')
      .map((m) => (m as { status: string }).status);
    expect(states).toEqual(['compiling', 'training', 'completed']);
    const epochs = messages.filter((m) => m.type === 'epoch');
    expect(epochs).toHaveLength(3);
    expect(messages.filter((m) => m.type === 'batch').length).toBe(3 * Math.ceil(51 / 8));
    const last = epochs[2] as Extract<FromWorker, { type: 'epoch' }>;
    expect(last.metrics.valAccuracy).toBeGreaterThan(0.9);
    expect(typeof last.tensors).toBe('number');
  });

  it('pauses, resumes and stops a run from messages, within one batch', async () => {
    const { session, messages, next } = harness();
    await session.handle({ type: 'init', backend: 'cpu', wasmPaths: {} });
    void session.handle({
      type: 'start',
      runId: 7,
      graph: graph(),
      training: training({ epochs: 50 }),
      inference: { datasetClassCount: 2 },
      dataset: dataset(),
    });
    await next((m) => m.type === 'batch');
    await session.handle({ type: 'pause', runId: 7 });
    await next(isState('paused'));
    const atPause = messages.filter((m) => m.type === 'batch').length;
    for (let i = 0; i < 30; i++) await new Promise((r) => setTimeout(r, 0));
    expect(messages.filter((m) => m.type === 'batch').length).toBeLessThanOrEqual(atPause + 1);
    await session.handle({ type: 'resume', runId: 7 });
    const resumedAt = messages.filter((m) => m.type === 'batch').length;
    await next(
      (m) =>
        m.type === 'batch' && messages.filter((x) => x.type === 'batch').length > resumedAt + 2,
    );
    await session.handle({ type: 'stop', runId: 7 });
    const atStop = messages.filter((m) => m.type === 'batch').length;
    await next(isState('stopped'));
    expect(messages.filter((m) => m.type === 'batch').length).toBeLessThanOrEqual(atStop + 1);
    expect(messages.filter((m) => m.type === 'epoch').length).toBeLessThan(50);
  });

  it('reports a non-finite loss as a coded error and fails the run', async () => {
    const { session, messages, next } = harness();
    await session.handle({ type: 'init', backend: 'cpu', wasmPaths: {} });
    // A linear output under MSE with a huge SGD step diverges to ∞ within a few batches.
    const config = training({
      loss: 'meanSquaredError',
      optimizer: { kind: 'sgd', learningRate: 10 },
      epochs: 20,
    });
    void session.handle({
      type: 'start',
      runId: 2,
      graph: graph('linear'),
      training: config,
      inference: { datasetClassCount: 2 },
      dataset: dataset(),
    });
    await next(isState('failed'));
    const error = messages.find((m) => m.type === 'error') as Extract<
      FromWorker,
      { type: 'error' }
    >;
    expect(error).toMatchObject({ runId: 2, code: 'non-finite-loss' });
    expect(error.message).toMatch(/lower learning rate/);
  });

  it("trains a supported model on LayerLab's wasm engine with 2 workers, with falling loss, pause and stop", async () => {
    const parallel = inProcessParallel(2);
    const { session, messages, next } = harness({ engine: true, parallel });
    await session.handle({ type: 'init', backend: 'cpu', wasmPaths: {} });
    void session.handle({
      type: 'start',
      runId: 3,
      graph: graph(),
      training: training({ epochs: 40 }),
      inference: { datasetClassCount: 2 },
      dataset: dataset(),
    });
    const chosen = (await next(
      (m) => m.type === 'backend-info' && m.engineChoice !== undefined,
    )) as Extract<FromWorker, { type: 'backend-info' }>;
    expect(chosen.engineChoice).toMatchObject({ engine: 'layerlab', workers: 2 });
    expect(chosen.engine).toMatch(/^LayerLab WASM SIMD engine \(.*\) · 2 workers$/);
    await next((m) => m.type === 'epoch' && m.metrics.epoch >= 3);
    const epochs = messages.filter((m) => m.type === 'epoch') as Extract<
      FromWorker,
      { type: 'epoch' }
    >[];
    expect(epochs[3]!.metrics.loss).toBeLessThan(epochs[0]!.metrics.loss);
    await session.handle({ type: 'pause', runId: 3 });
    await next(isState('paused'));
    const atPause = messages.filter((m) => m.type === 'batch').length;
    for (let i = 0; i < 30; i++) await new Promise((r) => setTimeout(r, 0));
    expect(messages.filter((m) => m.type === 'batch').length).toBeLessThanOrEqual(atPause + 1);
    await session.handle({ type: 'resume', runId: 3 });
    await session.handle({ type: 'stop', runId: 3 });
    const atStop = messages.filter((m) => m.type === 'batch').length;
    await next(isState('stopped'));
    expect(messages.filter((m) => m.type === 'batch').length).toBeLessThanOrEqual(atStop + 1);
    expect(messages.filter((m) => m.type === 'epoch').length).toBeLessThan(40);
    expect(parallel.open()).toBe(0); // the peers are terminated when the run stops
    // The model of record holds the engine's weights: inspection sees a trained model.
    await session.handle({ type: 'inspect', id: 9, request: { kind: 'feature-maps' } });
    expect(messages.find((m) => m.type === 'inspect-result')).toMatchObject({ id: 9 });
  });

  it("trains a branched graph (Add) on LayerLab's engine", async () => {
    const { session, messages, next } = harness({ engine: true });
    await session.handle({ type: 'init', backend: 'cpu', wasmPaths: {} });
    void session.handle({
      type: 'start',
      runId: 4,
      graph: branchedGraph(),
      training: training({ epochs: 2 }),
      inference: { datasetClassCount: 2 },
      dataset: dataset(),
    });
    await next((m) => m.type === 'state' && (m.status === 'completed' || m.status === 'failed'));
    expect(messages.find((m) => m.type === 'error')).toBeUndefined();
    const chosen = messages.find(
      (m) => m.type === 'backend-info' && m.engineChoice !== undefined,
    ) as Extract<FromWorker, { type: 'backend-info' }>;
    expect(chosen.engineChoice).toMatchObject({ engine: 'layerlab' });
    expect(messages.filter((m) => m.type === 'epoch')).toHaveLength(2);
  });

  it('falls back to TF.js with the reason for a network the engine cannot run (an output head)', async () => {
    const { session, messages, next } = harness({ engine: true });
    await session.handle({ type: 'init', backend: 'cpu', wasmPaths: {} });
    const base = graph();
    const headed: GraphDoc = {
      nodes: {
        ...base.nodes,
        head: {
          id: 'head' as NodeId,
          kind: 'OutputHead',
          name: 'class',
          params: { target: 'class', loss: 'categoricalCrossentropy', lossWeight: 1 },
          position: { x: 0, y: 0 },
        },
      } as GraphDoc['nodes'],
      edges: {
        ...base.edges,
        eh: { id: 'eh' as EdgeId, source: 'out' as NodeId, target: 'head' as NodeId },
      } as GraphDoc['edges'],
    };
    void session.handle({
      type: 'start',
      runId: 5,
      graph: headed,
      training: training({ epochs: 2 }),
      inference: { datasetClassCount: 2 },
      dataset: dataset(),
    });
    await next((m) => m.type === 'state' && (m.status === 'completed' || m.status === 'failed'));
    expect(messages.find((m) => m.type === 'error')).toBeUndefined();
    const chosen = messages.find(
      (m) => m.type === 'backend-info' && m.engineChoice !== undefined,
    ) as Extract<FromWorker, { type: 'backend-info' }>;
    expect(chosen.engineChoice).toMatchObject({ engine: 'tfjs' });
    expect(chosen.engine).toMatch(/^TensorFlow\.js /);
    const reason = chosen.engineChoice?.engine === 'tfjs' ? chosen.engineChoice.reason : '';
    expect(reason).toMatch(/head|output/i);
    expect(messages.filter((m) => m.type === 'epoch')).toHaveLength(2);
  });

  it('forwards inspect requests with the trained model and answers by id', async () => {
    const { session, messages } = harness();
    await session.handle({ type: 'inspect', id: 42, request: { kind: 'feature-maps' } });
    expect(messages.find((m) => m.type === 'inspect-result')).toMatchObject({
      type: 'inspect-result',
      id: 42,
    });
  });
});

describe('backend switches', () => {
  it('happen one at a time: a slow GPU probe of init(auto) cannot override the choice that came after', async () => {
    const infos: string[] = [];
    const session = createTrainingSession({
      post: (m) => {
        if (m.type === 'backend-info') infos.push(`${m.info.requested}:${m.info.backend}`);
      },
      yieldToEventLoop: createMacrotaskYield(),
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
      now: () => performance.now(),
      probeWebglRenderer: () => null,
      // SwiftShader's adapter, answering late as a busy driver does.
      probeWebgpuAdapter: () =>
        new Promise((resolve) =>
          setTimeout(
            () =>
              resolve({
                isFallbackAdapter: true,
                vendor: 'google',
                architecture: 'swiftshader',
                description: '',
              }),
            300,
          ),
        ),
    });
    const init = (backend: 'auto' | 'cpu') =>
      session.handle({ type: 'init', backend, wasmPaths: {}, engineWasmPaths: {} });
    await Promise.all([init('auto'), init('cpu')]);
    // Automatic refused the software adapter (CPU: wasm, or cpu where wasm cannot start), then cpu.
    expect(infos).toHaveLength(2);
    expect(infos[0]).toMatch(/^auto:(wasm|cpu)$/);
    expect(infos[1]).toBe('cpu:cpu');
  });
});
