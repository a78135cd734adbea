import * as tf from '@tensorflow/tfjs';

import { planEngineModel } from './plan-model';
import {
  command,
  ctl,
  sharedViews,
  spinWhile,
  type PeerHostPort,
  type PeerInit,
  type SharedViews,
  type ToPeer,
} from './peer-protocol';
import { TrainingEngine } from './training-engine';

async function engineFor(init: PeerInit): Promise<TrainingEngine> {
  // The topology only yields the plan; TF.js's CPU backend is enough for that
  // (in a browser worker TF.js would otherwise start WebGL for nothing).
  await tf.setBackend('cpu');
  const model = await tf.models.modelFromJSON({
    modelTopology: init.topology as tf.io.ModelJSON['modelTopology'],
  });
  try {
    const planned = planEngineModel(model, init.loss);
    if (!planned.ok) throw new Error(planned.reason);
    return await TrainingEngine.create(init.wasm, planned.plan, {
      loss: init.loss,
      optimizer: { kind: 'sgd', learningRate: 0 }, // never stepped: the coordinator owns the optimizer
      maxBatch: init.maxBatch,
      seed: init.seed,
    });
  } finally {
    model.dispose();
  }
}

/**
 * Serves steps through the shared buffer: waits (blocking, this is a worker)
 * for the coordinator to bump `seq`, computes, publishes `done = seq`. Returns
 * on the stop command.
 */
function serveShared(engine: TrainingEngine, views: SharedViews, init: PeerInit): void {
  const control = views.control;
  let seen = 0; // not a load: the coordinator may start step 1 before this line runs
  for (;;) {
    if (!spinWhile(control, ctl.seq, seen)) Atomics.wait(control, ctl.seq, seen);
    const seq = Atomics.load(control, ctl.seq);
    if (seq === seen) continue;
    seen = seq;
    if (Atomics.load(control, ctl.command) === command.stop) return;
    try {
      const n = Atomics.load(control, ctl.n);
      engine.weights().set(views.weights);
      engine.inputsOfPlan(n).set(views.inputs.subarray(0, n * init.inputSize));
      engine.targets(n).set(views.targets.subarray(0, n * init.targetWidth));
      const result = engine.computeGradients(n);
      views.gradients.set(engine.gradients());
      views.stats[0] = result.loss;
      views.stats[1] = result.accuracy;
    } catch {
      Atomics.store(control, ctl.failed, 1);
    }
    Atomics.store(control, ctl.done, seq);
    Atomics.notify(control, ctl.done);
  }
}

/**
 * The peer side of data-parallel training, hosted by a thin worker file
 * (electron/cli/engine-peer-worker.ts, renderer/workers/engine-peer.worker.ts):
 * builds an engine from `init`, then computes the gradients of its slice of
 * every batch at the weights it is sent, through the shared buffer or messages.
 */
export function servePeer(port: PeerHostPort): void {
  let engine: TrainingEngine | null = null;
  let init: PeerInit | null = null;
  const fail = (error: unknown): void =>
    port.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  port.onMessage((message: ToPeer) => {
    if (message.type === 'init') {
      init = message.init;
      const shared = message.shared;
      engineFor(message.init).then((built) => {
        engine = built;
        port.post({ type: 'ready' });
        if (shared && init) serveShared(built, sharedViews(shared, init), init);
      }, fail);
      return;
    }
    if (!engine || !init) return fail(new Error('step before init'));
    try {
      const { n } = message;
      engine.weights().set(message.weights);
      engine.inputsOfPlan(n).set(message.inputs);
      engine.targets(n).set(message.targets);
      const result = engine.computeGradients(n);
      const gradients = engine.gradients().slice();
      port.post({ type: 'result', loss: result.loss, accuracy: result.accuracy, gradients }, [
        gradients.buffer,
      ]);
    } catch (error) {
      fail(error);
    }
  });
}
