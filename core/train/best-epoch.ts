import type { TrainingConfig } from './config';
import type { TrainResult } from './metrics';
import type { WeightSnapshot } from './weight-snapshot';

/**
 * The best epoch so far and early stopping, for `train`'s loop (whatever
 * runner trains the batches). The monitored value is the validation loss, or
 * the training loss when there is no validation set; lower is better.
 */
export class BestEpochTracker {
  private best: { value: number; epoch: number; snapshot: WeightSnapshot } | null = null;
  private sinceBest = 0;

  constructor(
    /** Puts a snapshot's weights back (the runner's `restore`). */
    private readonly restore: (snapshot: WeightSnapshot) => void,
    private readonly earlyStopping: TrainingConfig['earlyStopping'],
  ) {}

  /** Records an epoch; true when early stopping says the run should end now. */
  record(epoch: number, monitored: number, snapshot: WeightSnapshot): boolean {
    if (this.best === null || monitored < this.best.value) {
      this.best = { value: monitored, epoch, snapshot };
      this.sinceBest = 0;
    } else {
      this.sinceBest++;
    }
    return this.earlyStopping.enabled && this.sinceBest >= this.earlyStopping.patience;
  }

  /** Puts the best weights back (before a NaN error, say); no-op before the first epoch. */
  restoreBest(): void {
    if (this.best) this.restore(this.best.snapshot);
  }

  /**
   * The run's result. Restores the best weights when early stopping asks for
   * it, unless the user stopped the run (then they keep what they saw).
   */
  finish(outcome: TrainResult['outcome'], epochs: TrainResult['epochs']): TrainResult {
    const restore =
      this.earlyStopping.enabled &&
      this.earlyStopping.restoreBestWeights &&
      this.best !== null &&
      outcome !== 'stopped';
    if (restore) this.restoreBest();
    return { outcome, epochs, bestEpoch: this.best?.epoch ?? null, restoredBest: restore };
  }
}
