import type { TrainingConfig } from '../train/config';
import type { Arena } from './arena';
import type { EngineKernels } from './kernel-abi';

/**
 * The optimizer over the engine's one contiguous weight region: one kernel
 * call updates every weight. State regions mirror the weight layout.
 * Defaults and formulas follow core/compile/training-setup.ts's TF.js optimizers.
 */
export class OptimizerStep {
  private readonly s1: number;
  private readonly s2: number;
  private step = 0;
  learningRate: number;

  constructor(
    private readonly kernels: EngineKernels,
    arena: Arena,
    private readonly settings: TrainingConfig['optimizer'],
    private readonly weights: number,
    private readonly grads: number,
    private readonly count: number,
  ) {
    this.learningRate = settings.learningRate;
    const kind = settings.kind;
    this.s1 = kind === 'sgd' ? 0 : arena.alloc(count);
    this.s2 = kind === 'adam' || kind === 'rmsprop' ? arena.alloc(count) : 0;
  }

  /** Zeroes the state (Adagrad's accumulator starts at 0.1, as in TF.js); call after the arena commits. */
  reset(arena: Arena): void {
    this.step = 0;
    if (this.s1 !== 0)
      arena.f32(this.s1, this.count).fill(this.settings.kind === 'adagrad' ? 0.1 : 0);
    if (this.s2 !== 0) arena.f32(this.s2, this.count).fill(0);
  }

  apply(): void {
    const k = this.kernels;
    const o = this.settings;
    const lr = this.learningRate;
    this.step++;
    switch (o.kind) {
      case 'sgd':
        k.sgdUpdate(this.weights, this.grads, this.count, lr);
        return;
      case 'momentum':
        k.momentumUpdate(this.weights, this.grads, this.s1, this.count, lr, o.momentum ?? 0.9);
        return;
      case 'adam': {
        const b1 = o.beta1 ?? 0.9;
        const b2 = o.beta2 ?? 0.999;
        k.adamUpdate(
          this.weights,
          this.grads,
          this.s1,
          this.s2,
          this.count,
          lr,
          b1,
          b2,
          o.epsilon ?? 1e-7,
          1 - b1 ** this.step,
          1 - b2 ** this.step,
        );
        return;
      }
      case 'rmsprop':
        k.rmspropUpdate(
          this.weights,
          this.grads,
          this.s1,
          this.s2,
          this.count,
          lr,
          o.rho ?? 0.9,
          o.momentum ?? 0,
          o.epsilon ?? 1e-7,
        );
        return;
      case 'adagrad':
        k.adagradUpdate(this.weights, this.grads, this.s1, this.count, lr, 1e-7);
        return;
    }
  }
}
