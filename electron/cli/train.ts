import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { initBackend } from '../../core/backend/index';
import { CompileError } from '../../core/compile/index';
import { alignTestSet, hasBlockingIssue, type AugmentationOptions } from '../../core/data/index';

import type { EngineChoice } from '../../core/engine/index';
import { isTemplateId, parseProject, type ProjectDoc } from '../../core/io/index';
import {
  datasetReadingFor,
  headsOfModel,
  runTrainingJob,
  TrainingError,
  type EpochMetrics,
  type SampleSource,
} from '../../core/train/index';
import { formatDiagnostic } from '../../core/validate/index';
import { parseTrainArgs, usage, type TrainArgs } from './cli-args';
import { formatHealthReport } from './dataset-summary';
import { HostFailure } from '../host/services/host-error';
import { loadImageFolder, loadTextFolder, type LoadedDataset } from './load-dataset';
import { writeCliExport } from './write-export';
import { LoadWeightsFailure } from './load-weights';
import { runLoadWeights } from './load-weights-command';
import { defaultEngineWorkers, nodeEngineParallel } from './engine-peers';
import { MissingKernelsError, readEngineKernels } from './engine-kernels';

/**
 * `npm run train`: trains a saved project (or a template) in Node with the
 * same core code as the app and prints plain lines a teacher can read or a
 * script can grep (`validation accuracy: 0.9012`). Exit codes: 0 done,
 * 1 training/data/model problem, 2 bad arguments or unreadable project.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wasmPaths = path.join(repoRoot, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + path.sep;

const engineBuildDir = path.join(repoRoot, 'core/engine/build');

function describeEngine(choice: EngineChoice): string {
  return choice.engine === 'layerlab'
    ? `engine: LayerLab WASM SIMD (${choice.build}, ${choice.workers} worker${choice.workers === 1 ? '' : 's'})`
    : `engine: TensorFlow.js (${choice.reason})`;
}

class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

async function resolveInputs(
  args: TrainArgs,
): Promise<{ projectPath: string; dataDir: string | null }> {
  if (args.project === null) {
    // The bundled sample: a sample project if one ships, else the MLP template, on the digits sample.
    const samplesDir = path.join(repoRoot, 'assets/samples');
    const entries = existsSync(samplesDir)
      ? await readdir(samplesDir, { withFileTypes: true })
      : [];
    const project = entries.find((e) => e.isFile() && e.name.endsWith('.layerlab'));
    const projectPath = project
      ? path.join(samplesDir, project.name)
      : path.join(repoRoot, 'assets/templates/mlp-digits.layerlab');
    const dataDir = args.data ?? path.join(samplesDir, 'digits');
    if (!existsSync(projectPath) || !existsSync(dataDir))
      throw new CliFailure(
        `The bundled sample (${projectPath}, ${dataDir}) is missing.\n${usage}`,
        2,
      );
    return { projectPath, dataDir };
  }
  const projectPath =
    isTemplateId(args.project) && !existsSync(args.project)
      ? path.join(repoRoot, 'assets/templates', `${args.project}.layerlab`)
      : args.project;
  return { projectPath, dataDir: args.data };
}

/** The test folder: `--test DIR`, else the project's saved test folder when that path still exists. */
function resolveTestDir(args: TrainArgs, project: ProjectDoc): string | null {
  if (args.test !== null) return args.test;
  const saved = project.dataset?.testFolder?.displayPath ?? null;
  return saved !== null && existsSync(saved) ? saved : null;
}

async function loadProject(projectPath: string): Promise<ProjectDoc> {
  let text: string;
  try {
    text = await readFile(projectPath, 'utf8');
  } catch (error) {
    throw new CliFailure(
      `Cannot read the project ${projectPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      2,
    );
  }
  const parsed = parseProject(text);
  if (!parsed.ok)
    throw new CliFailure(
      `${projectPath} is not a usable LayerLab project (${parsed.error.code}): ${parsed.error.message}`,
      2,
    );
  return parsed.value;
}

async function loadData(
  project: ProjectDoc,
  dir: string,
  seed: number,
  validationShare: number,
  training?: LoadedDataset,
): Promise<LoadedDataset> {
  if (!existsSync(dir)) throw new CliFailure(`The dataset folder ${dir} does not exist`, 1);
  const reading = datasetReadingFor(project);
  const split = { seed, validationShare };
  if (reading.kind === 'image') return loadImageFolder(dir, reading.image, split);
  // A test folder is read exactly as the training folder was (its options and vocabulary).
  return training?.textOptions != null && training.vocabulary !== null
    ? loadTextFolder(dir, training.textOptions, split, { vocabulary: training.vocabulary })
    : loadTextFolder(dir, reading.text, split, { chooseDefaults: reading.chooseDefaults });
}

/**
 * The test set labelled with the training set's class indices, matched by
 * name (core's `alignTestSet`, as in the app): samples of a class the
 * training data lacks get no label and are left out of the score.
 */
function alignLabels(
  test: LoadedDataset,
  trainClasses: readonly string[],
): { samples: SampleSource; scored: readonly number[]; leftOut: readonly string[] } {
  const alignment = alignTestSet(
    { classNames: test.plan.classNames, labels: Int32Array.from(test.samples.labels) },
    trainClasses,
  );
  const labels = new Int32Array(test.samples.count).fill(-1);
  alignment.kept.forEach((sample, k) => (labels[sample] = alignment.labels[k]!));
  return {
    samples: {
      ...test.samples,
      labels,
      numClasses: trainClasses.length,
      gather: test.samples.gather.bind(test.samples),
    },
    scored: alignment.kept,
    leftOut: alignment.unknownClasses,
  };
}

/** The project's augmentation settings, for train.py (text projects have none). */
function imageAugmentation(project: ProjectDoc): AugmentationOptions | null {
  const reading = datasetReadingFor(project);
  return reading.kind === 'image' ? reading.image.augmentation : null;
}

/** LayerLab's version, from package.json (shown in the export's metadata and README). */
async function layerlabVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

/**
 * Where the export goes: `--out DIR`; for a named project `./<project>-trained`
 * (the user asked for that project here); for the bundled sample (no project
 * given) a new temporary folder, so trying the CLI never litters the folder
 * it was started in. The caller prints the path.
 */
async function chooseOutDir(args: TrainArgs, projectPath: string): Promise<string> {
  const name = `${path.basename(projectPath, '.layerlab')}-trained`;
  if (args.out !== null) return args.out;
  if (args.project !== null) return path.resolve(name);
  const parent = await mkdtemp(path.join(os.tmpdir(), 'layerlab-sample-'));
  return path.join(parent, name);
}

/** CLI output goes to stdout as plain lines (console.log is reserved for debugging by lint). */
function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

const fmt = (v: number | null): string =>
  v === null || !Number.isFinite(v) ? 'n/a' : v.toFixed(4);

/** One epoch as the CLI prints it (train.py prints the same line). */
/** The loss as the run uses it: the settings' loss, or each output head's weighted loss. */
function lossLine(model: Parameters<typeof headsOfModel>[0], loss: string): string {
  const heads = headsOfModel(model);
  return heads ? heads.map((h) => `${h.lossWeight}×${h.loss} (${h.name})`).join(' + ') : loss;
}

function epochLine(m: EpochMetrics, total: number, rate = 0): string {
  const heads = (m.heads ?? []).map(
    (h) =>
      `; head ${h.name}: loss ${fmt(h.loss)}, ${h.metric} ${fmt(h.value)}, validation loss ${fmt(h.valLoss)}, validation ${h.metric} ${fmt(h.valValue)}`,
  );
  return `epoch ${m.epoch + 1}/${total}: loss ${fmt(m.loss)}, accuracy ${fmt(m.accuracy)}, validation loss ${fmt(m.valLoss)}, validation accuracy ${fmt(m.valAccuracy)} (${m.seconds.toFixed(1)} s${rate > 0 ? `, ${Math.round(rate)} examples/s` : ''})${heads.join('')}`;
}

async function run(argv: readonly string[]): Promise<void> {
  let args: TrainArgs;
  try {
    args = parseTrainArgs(argv);
  } catch (error) {
    throw new CliFailure(`${(error as Error).message}\n${usage}`, 2);
  }
  if (args.help) {
    say(usage);
    return;
  }
  const started = Date.now();
  const { projectPath, dataDir } = await resolveInputs(args);
  const project = await loadProject(projectPath);
  if (args.loadWeights !== null) {
    say(`project: ${project.name} (${projectPath})`);
    await initBackend(args.backend, { wasmPaths });
    await runLoadWeights({
      project,
      dir: args.loadWeights,
      save: args.save,
      outDir: () => chooseOutDir(args, projectPath),
      layerlabVersion,
      say,
      epochLine: (m, total) => epochLine(m, total),
    });
    return;
  }
  const config = {
    ...project.training,
    ...(args.epochs !== null ? { epochs: args.epochs } : {}),
    ...(args.validationShare !== null ? { validationShare: args.validationShare } : {}),
  };
  const dir = dataDir ?? project.dataset?.folder.displayPath ?? null;
  if (dir === null)
    throw new CliFailure(`The project ${project.name} has no dataset folder: pass --data DIR`, 2);

  say(`project: ${project.name} (${projectPath})`);
  const data = await loadData(project, dir, config.seed, config.validationShare);
  for (const line of formatHealthReport(data.plan.report, `dataset ${dir}`)) say(line);
  if (hasBlockingIssue(data.plan.report))
    throw new CliFailure('The dataset cannot be used for training (see the errors above)', 1);

  const signal = { aborted: false };
  // Training speed of each epoch's batches (after the first one, validation excluded).
  let rateFrom = { at: 0, seen: 0 };
  let rate = 0;
  const { model, result, test } = await runTrainingJob(
    {
      graph: project.graph,
      config,
      dataset: {
        samples: data.samples,
        split: data.plan.split,
        classNames: data.plan.classNames,
        vocabularySize: data.vocabulary?.length ?? null,
      },
      backend: async () => {
        const backend = await initBackend(args.backend, { wasmPaths });
        say(
          `backend: ${backend.backend}${backend.simd ? ' (SIMD)' : ''}${backend.reason === 'requested' ? '' : `, ${backend.reason}`}`,
        );
        return backend.backend;
      },
      engine: {
        requested: args.engine,
        // A missing build throws (MissingKernelsError): never a silent fall-back to TF.js.
        wasmFor: (build) => readEngineKernels(engineBuildDir, build),
        parallel: nodeEngineParallel(args.workers ?? defaultEngineWorkers(), {
          onPeersFailed: (error) =>
            say(`engine workers could not start (${error.message}); training on one thread`),
        }),
      },
      test: async () => {
        const testDir = resolveTestDir(args, project);
        if (testDir === null) return null;
        const test = await loadData(project, testDir, config.seed, 0, data);
        for (const line of formatHealthReport(test.plan.report, `test ${testDir}`)) say(line);
        const { samples, scored, leftOut } = alignLabels(test, data.plan.classNames);
        for (const name of leftOut)
          say(`test class "${name}" is not in the training data: its samples are left out`);
        if (scored.length === 0)
          throw new CliFailure('The test folder has no class that the training data has', 1);
        return { samples, indices: scored };
      },
    },
    {
      signal,
      onModel: (compiled) => {
        say(
          `model: ${compiled.countParams()} parameters; training ${config.epochs} epoch(s), batch ${config.batchSize}, ${config.optimizer.kind} lr ${config.optimizer.learningRate}, loss ${lossLine(compiled, config.loss)}`,
        );
        process.once('SIGINT', () => {
          signal.aborted = true;
          say('stopping after this batch…');
        });
      },
      onEngineChosen: (choice) => say(describeEngine(choice)),
      onBatchEnd: (m) => {
        const at = performance.now();
        if (m.batch === 0) rateFrom = { at, seen: m.examplesSeen };
        else rate = ((m.examplesSeen - rateFrom.seen) / (at - rateFrom.at)) * 1000;
      },
      onEpochEnd: (m) => say(epochLine(m, config.epochs, rate)),
      onTrained: ({ result: trained, validationAccuracy }) => {
        say(
          `outcome: ${trained.outcome}${trained.restoredBest ? ` (restored epoch ${(trained.bestEpoch ?? 0) + 1})` : ''}`,
        );
        if (validationAccuracy !== null) say(`validation accuracy: ${fmt(validationAccuracy)}`);
      },
    },
  );
  if (test) {
    say(`test loss: ${fmt(test.loss)}`);
    say(`test accuracy: ${fmt(test.accuracy)}`);
  }
  const heads = headsOfModel(model);
  if (heads) {
    // Output heads: the export writes one class output only (buildExportFolder refuses), so stop here.
    const last = result.epochs[result.epochs.length - 1];
    heads.forEach((head, i) => {
      const h = last?.heads?.[i];
      if (h) say(`head ${head.name}: validation ${h.metric} ${fmt(h.valValue)}`);
      const t = test?.heads?.[i];
      if (t) say(`head ${head.name}: test ${h?.metric ?? ''} ${fmt(t.metric)}`);
    });
    say(
      'export: not written (the export writes networks with one output; this one has output heads)',
    );
    say(`wall time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    model.dispose();
    return;
  }

  const outDir = await chooseOutDir(args, projectPath);
  let exported: Awaited<ReturnType<typeof writeCliExport>>;
  try {
    exported = await writeCliExport(
      model,
      {
        modelName: project.name,
        layerlabVersion: await layerlabVersion(),
        classNames: data.plan.classNames,
        reading:
          data.textOptions === null
            ? datasetReadingFor(project)
            : { kind: 'text', text: data.textOptions, chooseDefaults: false },
        vocabulary: data.vocabulary,
        epochs: result.epochs,
        test,
        trainScript: {
          training: config,
          validationKeys: data.plan.validationKeys,
          augmentation: imageAugmentation(project),
        },
      },
      outDir,
    );
  } catch (error) {
    const detail =
      error instanceof HostFailure ? `${error.message} (${error.code})` : (error as Error).message;
    throw new CliFailure(`The export folder ${outDir} could not be written: ${detail}`, 1);
  }
  say(`export folder: ${exported.folder}`);
  if (args.project === null && args.out === null)
    say(
      '(the bundled sample exports into a temporary folder; --out DIR writes it where you choose)',
    );
  say(`export files: ${exported.files.join(', ')}`);
  if (!exported.pytorch.available) say(`pytorch route: not exported (${exported.pytorch.reason})`);
  if (!exported.onnx.available) say(`onnx: model.onnx not exported (${exported.onnx.reason})`);
  say(`wall time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  model.dispose();
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof MissingKernelsError) {
      console.error(`error: ${error.message}`);
      process.exit(1);
    }
    if (error instanceof LoadWeightsFailure) {
      console.error(`error: ${error.message}`);
      process.exit(1);
    }
    if (error instanceof CliFailure) {
      console.error(`error: ${error.message}`);
      process.exit(error.exitCode);
    }
    if (error instanceof CompileError && error.code === 'graph-has-errors' && error.diagnostic) {
      console.error(
        `error: The model cannot be trained: ${formatDiagnostic(error.diagnostic, 'en')}`,
      );
      process.exit(1);
    }
    if (error instanceof TrainingError || error instanceof CompileError) {
      console.error(`error (${error.code}): ${error.message}`);
      process.exit(1);
    }
    console.error('error: training failed unexpectedly:', error);
    process.exit(1);
  },
);
