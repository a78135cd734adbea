/**
 * `npm run build`: every step of the build (`tsx scripts/build.ts`), always,
 * except the engine kernels, which are compiled again only when their inputs
 * changed (their stamp is a hash of every input file; compiling them takes
 * 1.5–3 minutes here, and CI's unit tests have just built them). `npm run
 * build:wasm` or `tsx scripts/build.ts wasm` forces them.
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
  if (names.length === 0) {
    for (const step of buildSteps)
      await runBuildSteps([step], { force: !changedOnly && step.name !== 'wasm' });
  } else await runBuildSteps(names.map(buildStepNamed), { force: !changedOnly });
} catch (error) {
  process.stderr.write(`build failed: ${(error as Error).message}\n`);
  process.exit(1);
}
