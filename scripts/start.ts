/**
 * `npm start`: builds what changed since the last build (scripts/build-steps.ts,
 * one line per step), then runs the launcher (electron/launch/start.ts) in this
 * same Node process. One process instead of a build process and a launcher
 * process (each a `tsx` CLI, itself two Node starts): on a busy 2-core machine
 * every Node start costs seconds.
 */
import { buildSteps, runBuildSteps } from './build-steps';

try {
  await runBuildSteps(buildSteps, { force: false });
} catch (error) {
  process.stderr.write(`LayerLab could not be built: ${(error as Error).message}\n`);
  process.exit(1);
}
await import('../electron/launch/start');
