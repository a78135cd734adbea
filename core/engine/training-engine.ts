import * as tf from '@tensorflow/tfjs';

import { createRng } from '../data/random';
import type { LossKind, TrainingConfig } from '../train/config';
import { Arena } from './arena';
import { GraphPass } from './graph-pass';
import type { EngineKernels } from './kernel-abi';
import { instantiateKernels } from './load-kernels';
import type { OpContext, ParamSlot } from './ops/op';
import { sizeOf } from './ops/op';
import { OptimizerStep } from './optimizer-step';
import type { EnginePlan } from './plan-model';

/** Loss and accuracy of one batch (accuracy as TF.js's `accuracy` metric picks it for the loss). */
export interface EngineBatchResult {
  readonly loss: number;
  readonly accuracy: number;
}

/** What an engine needs besides the plan. */
export interface EngineSettings {
  readonly loss: LossKind;
  readonly optimizer: TrainingConfig['optimizer'];
  /** Buffers are sized for this many examples per batch; larger batches are refused. */
  readonly maxBatch: number;
  /** Seeds the dropout masks. */
  readonly seed: number;
}

type Metric = 'binary' | 'sparse' | 'categorical';

/**
 * A model planned for the wasm kernels, with all its buffers laid out once in
 * the kernels' memory: weights, gradients, optimizer state, activations and
 * scratch. A training step is forward → loss → backward → optimizer, with no
 * allocation, so memory stays constant across batches and epochs.
 *
 * Callers write a batch into `inputs(n)` and `targets(n)` (views into wasm
 * memory, targets encoded as core/train's `encodeTargets` does), then call
 * `trainBatch(n)` or `evaluateBatch(n)`.
 */
export class TrainingEngine {
  private readonly ctx: OpContext;
  private readonly inputAt: number;
  private readonly targetAt: number;
  private readonly gradA: number;
  private readonly gradB: number;
  private readonly weightsAt: number;
  private readonly gradsAt: number;
  /** Room for one peer's gradients while they are mixed into ours (data parallelism). */
  private readonly peerGradsAt: number;
  private readonly weightCount: number;
  private readonly optimizer: OptimizerStep;
  private readonly inputSize: number;
  private readonly targetWidth: number;
  private readonly metric: Metric;
  /** Index of the first op with weights (0 if none): where backward stops. */
  private readonly firstLearningOp: number;
  private outputAt = 0;
  /** Null for a chain: it runs on the two alternating gradient buffers. */
  private readonly graph: GraphPass | null;

  private constructor(
    readonly kernels: EngineKernels,
    readonly plan: EnginePlan,
    private readonly settings: EngineSettings,
  ) {
    const arena = new Arena(kernels);
    this.firstLearningOp = Math.max(
      0,
      plan.ops.findIndex((op) => op.params.length > 0),
    );
    const rng = createRng(settings.seed ^ 0x5eed);
    this.ctx = {
      kernels,
      arena,
      maxBatch: settings.maxBatch,
      work: 0,
      scratch: 0,
      fillDropoutMask: (at, n, rate) => {
        const mask = arena.f32(at, n);
        const keep = 1 / (1 - rate);
        for (let i = 0; i < n; i++) mask[i] = rng.next() < rate ? 0 : keep;
      },
    };
    const units = plan.outputUnits;
    this.metric =
      units === 1 || settings.loss === 'binaryCrossentropy'
        ? 'binary'
        : settings.loss === 'sparseCategoricalCrossentropy'
          ? 'sparse'
          : 'categorical';
    this.targetWidth = settings.loss === 'sparseCategoricalCrossentropy' || units === 1 ? 1 : units;
    this.inputSize = sizeOf(plan.inputShape);
    const batch = settings.maxBatch;
    // Weights first, one contiguous region (the optimizer updates it in one call); gradients mirror it.
    let weightCount = 0;
    for (const op of plan.ops)
      for (const p of op.params) weightCount += Math.ceil(p.size / 16) * 16;
    this.weightCount = weightCount;
    this.weightsAt = arena.alloc(weightCount);
    const gradsAt = arena.alloc(weightCount);
    this.gradsAt = gradsAt;
    this.peerGradsAt = arena.alloc(weightCount);
    let offset = 0;
    for (const op of plan.ops) {
      for (const p of op.params) {
        p.weight = this.weightsAt + offset * 4;
        p.grad = gradsAt + offset * 4;
        offset += Math.ceil(p.size / 16) * 16;
      }
    }
    this.optimizer = new OptimizerStep(
      kernels,
      arena,
      settings.optimizer,
      this.weightsAt,
      gradsAt,
      weightCount,
    );
    this.inputAt = arena.alloc(batch * this.inputSize);
    this.targetAt = arena.alloc(batch * units);
    const outShapes = (plan.graph ?? plan.ops.map((op) => ({ op }))).map(({ op }) => op.outShape);
    const largest = Math.max(this.inputSize, ...outShapes.map(sizeOf));
    this.gradA = arena.alloc(batch * largest);
    this.gradB = arena.alloc(batch * largest);
    this.ctx.scratch = arena.alloc(
      batch * Math.max(0, ...plan.ops.map((op) => op.scratchPerExample)),
    );
    this.ctx.work = arena.alloc(Math.ceil(kernels.gemmWorkspaceBytes() / 4));
    for (const op of plan.ops) op.plan(this.ctx);
    this.graph = plan.graph
      ? new GraphPass(plan.graph, this.ctx, plan.inputShape, this.gradA)
      : null;
    const lastNode = plan.graph?.[plan.graph.length - 1];
    const last = plan.graph
      ? lastNode?.kind === 'op'
        ? lastNode.op
        : undefined
      : plan.ops[plan.ops.length - 1];
    if (last && settings.loss !== 'meanSquaredError') last.skipActivationBackward = true; // the loss kernel returns dL/dlogits
    arena.commit();
    this.optimizer.reset(arena);
  }

  /** Instantiates the kernels and lays out an engine for `plan`. */
  static async create(
    wasm: Uint8Array,
    plan: EnginePlan,
    settings: EngineSettings,
  ): Promise<TrainingEngine> {
    return new TrainingEngine(await instantiateKernels(wasm), plan, settings);
  }

  /** Bytes of wasm memory in use (constant once created). */
  get memoryBytes(): number {
    return this.kernels.memory.buffer.byteLength;
  }

  get learningRate(): number {
    return this.optimizer.learningRate;
  }

  set learningRate(value: number) {
    this.optimizer.learningRate = value;
  }

  /** View to write `n` input examples into. */
  inputs(n: number): Float32Array {
    return this.ctx.arena.f32(this.inputAt, this.checkBatch(n) * this.inputSize);
  }

  /** View to write `n` examples of token ids into (models whose first layer is an Embedding). */
  inputIds(n: number): Int32Array {
    return this.ctx.arena.i32(this.inputAt, this.checkBatch(n) * this.inputSize);
  }

  /** The input view matching the plan's dtype. */
  inputsOfPlan(n: number): Float32Array | Int32Array {
    return this.plan.inputDtype === 'int32' ? this.inputIds(n) : this.inputs(n);
  }

  /** View to write `n` targets into (one-hot rows or class indices, as `targetEncodingFor` says). */
  targets(n: number): Float32Array {
    return this.ctx.arena.f32(this.targetAt, this.checkBatch(n) * this.targetWidth);
  }

  /** The last forward pass's outputs ([n, units]). */
  outputs(n: number): Float32Array {
    return this.ctx.arena.f32(this.outputAt, n * this.plan.outputUnits);
  }

  /** One optimizer step on the batch in `inputs(n)`/`targets(n)`; returns its loss and accuracy (before the step). */
  trainBatch(n: number): EngineBatchResult {
    const result = this.computeGradients(n);
    this.optimizer.apply();
    return result;
  }

  /**
   * Forward, loss and backward without the optimizer step: the gradients of
   * the batch's mean loss land in `gradients()`. With `applyGradients` this
   * is the data-parallel split: workers compute gradients on parts of a
   * batch, one side averages them (weighted by part size) into its
   * `gradients()` and applies the step, then shares the weights.
   */
  computeGradients(n: number): EngineBatchResult {
    const result = this.forwardAndLoss(n, true);
    if (this.graph) {
      this.graph.backward(n);
      return result;
    }
    let dy = this.gradA;
    let spare = this.gradB;
    // Backward stops at the first op with weights: nothing before it learns,
    // so its input gradient (for an MLP, Dense 1's dy·Wᵀ: a third of the
    // step's GEMM work) would only be thrown away.
    const first = this.firstLearningOp;
    for (let i = this.plan.ops.length - 1; i >= first; i--) {
      const op = this.plan.ops[i]!;
      const dx = i === first ? 0 : spare;
      op.backward(this.ctx, dy, dx, n);
      spare = dy;
      dy = dx;
    }
    return result;
  }

  /**
   * `gradients() = gradients()·scale + from·weight`, in wasm SIMD: how the
   * data-parallel coordinator folds a peer's gradients into ours (a JS loop
   * over an MLP's 100k gradients took 0.3 ms, a third of its step).
   */
  mixGradients(scale: number, from: Float32Array, weight: number): void {
    const n = this.weightCount;
    this.ctx.arena.f32(this.peerGradsAt, n).set(from.subarray(0, n));
    this.kernels.scaleAdd(this.gradsAt, scale, this.peerGradsAt, weight, n);
  }

  /** Applies the optimizer to the gradients in `gradients()` (see `computeGradients`). */
  applyGradients(): void {
    this.optimizer.apply();
  }

  /** Live view of all gradients, one contiguous region laid out like `weights()`. */
  gradients(): Float32Array {
    return this.ctx.arena.f32(this.gradsAt, this.weightCount);
  }

  /** Live view of all weights (moving statistics included), one contiguous region: what workers share. */
  weights(): Float32Array {
    return this.ctx.arena.f32(this.weightsAt, this.weightCount);
  }

  /** Loss and accuracy without training (dropout off). */
  evaluateBatch(n: number): EngineBatchResult {
    return this.forwardAndLoss(n, false);
  }

  /** Copies weights from the TF.js model's layers (same names) into the engine. */
  loadWeightsFrom(model: tf.LayersModel): void {
    for (const op of this.plan.ops) {
      if (op.params.length === 0) continue;
      const tensors = model.getLayer(op.layerName).getWeights();
      op.params.forEach((p, i) =>
        this.ctx.arena.f32(p.weight, p.size).set(tensors[i]!.dataSync() as Float32Array),
      );
    }
  }

  /** Writes the engine's weights into the TF.js model, so inspection, evaluation and export see them. */
  writeWeightsTo(model: tf.LayersModel): void {
    tf.tidy(() => {
      for (const op of this.plan.ops) {
        if (op.params.length === 0) continue;
        model
          .getLayer(op.layerName)
          .setWeights(
            op.params.map((p) =>
              tf.tensor(this.ctx.arena.f32(p.weight, p.size).slice(), [...p.shape]),
            ),
          );
      }
    });
  }

  /** Copies of every trainable weight and its last gradient, in TF.js `trainableWeights` order (for tests). */
  readParams(): { weights: Float32Array[]; grads: Float32Array[] } {
    const params = this.trainableParams();
    return {
      weights: params.map((p) => this.ctx.arena.f32(p.weight, p.size).slice()),
      grads: params.map((p) => this.ctx.arena.f32(p.grad, p.size).slice()),
    };
  }

  /** Live views of every trainable weight, in `readParams` order (valid for the engine's lifetime: memory never grows). */
  weightViews(): Float32Array[] {
    return this.trainableParams().map((p) => this.ctx.arena.f32(p.weight, p.size));
  }

  private trainableParams(): ParamSlot[] {
    return this.plan.ops.flatMap((op) => op.params.filter((p) => p.trainable));
  }

  /** Restarts the optimizer (moments, step count), e.g. after restoring weights. */
  resetOptimizer(): void {
    this.optimizer.reset(this.ctx.arena);
  }

  private checkBatch(n: number): number {
    if (n < 1 || n > this.settings.maxBatch)
      throw new RangeError(`engine batch of ${n} outside 1..${this.settings.maxBatch}`);
    return n;
  }

  private forwardAndLoss(n: number, training: boolean): EngineBatchResult {
    this.checkBatch(n);
    let x = this.inputAt;
    if (this.graph) x = this.graph.forward(x, n, training);
    else for (const op of this.plan.ops) x = op.forward(this.ctx, x, n, training);
    this.outputAt = x;
    const k = this.kernels;
    const units = this.plan.outputUnits;
    let loss: number;
    if (this.settings.loss === 'meanSquaredError')
      loss = k.meanSquaredError(x, this.targetAt, n * units, this.gradA);
    else if (this.settings.loss === 'binaryCrossentropy')
      loss = k.sigmoidBinaryCrossEntropy(x, this.targetAt, n * units, this.gradA);
    else
      loss = k.softmaxCrossEntropy(
        x,
        this.targetAt,
        n,
        units,
        this.targetWidth === 1 ? 1 : 0,
        this.gradA,
      );
    return { loss, accuracy: this.accuracy(n) };
  }

  private accuracy(n: number): number {
    const units = this.plan.outputUnits;
    const p = this.outputs(n);
    const t = this.ctx.arena.f32(this.targetAt, n * this.targetWidth);
    let hits = 0;
    if (this.metric === 'binary') {
      for (let i = 0; i < n * units; i++) if ((p[i]! > 0.5 ? 1 : 0) === t[i]) hits++;
      return hits / (n * units);
    }
    for (let r = 0; r < n; r++) {
      let best = 0;
      for (let j = 1; j < units; j++) if (p[r * units + j]! > p[r * units + best]!) best = j;
      let truth = 0;
      if (this.metric === 'sparse') truth = t[r]!;
      else for (let j = 1; j < units; j++) if (t[r * units + j]! > t[r * units + truth]!) truth = j;
      if (best === truth) hits++;
    }
    return hits / n;
  }
}
