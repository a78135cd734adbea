/**
 * `npm run build`: every step of the build, always (`tsx scripts/build.ts`).
 * With `--changed` it runs only the steps whose inputs changed since their
 * last build (scripts/build-stamp.ts), as `npm start` (scripts/start.ts) and
 * `npm run train` (scripts/train.ts, the `wasm` step) do in their own process;
 * step names pick steps (`tsx scripts/build.ts --changed wasm`).
 * Prints one line per step; exits 1 with the tool's message when a step fails.
 */
import { buildStepNamed, buildSteps, runBuildSteps } from './build-steps';

const args = process.argv.slice(2);
const changedOnly = args.includes('--changed');
const names = args.filter((a) => !a.startsWith('--'));

try {
  const steps = names.length === 0 ? buildSteps : names.map(buildStepNamed);
  await runBuildSteps(steps, { force: !changedOnly });
} catch (error) {
  process.stderr.write(`build failed: ${(error as Error).message}\n`);
  process.exit(1);
}
