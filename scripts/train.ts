/**
 * `npm run train`: builds the engine's kernels when they are missing or their
 * sources changed (the `wasm` step of scripts/build-steps.ts; after `npm ci`
 * they are missing), then runs the CLI (electron/cli/train.ts) in this same
 * Node process. Without the kernels the CLI would refuse to train rather than
 * fall back to TensorFlow.js, ten times slower.
 */
import { buildStepNamed, runBuildSteps } from './build-steps';

try {
  await runBuildSteps([buildStepNamed('wasm')], { force: false });
} catch (error) {
  process.stderr.write(
    `error: the engine's kernels could not be built: ${(error as Error).message}\n`,
  );
  process.exit(1);
}
await import('../electron/cli/train');
