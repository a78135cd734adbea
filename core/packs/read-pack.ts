import { parseProject, type ProjectDoc } from '../io/project-file';
import { parseLabFile, type LabFile } from '../labs/lab-file';
import { err, ok, type Result } from '../result';
import { packError, type PackError } from './pack-errors';
import { packLimits } from './pack-limits';
import {
  answersSchema,
  manifestSchema,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type AnswerKeys,
  type PackManifest,
  type PackStep,
} from './pack-manifest';
import { decodeUtf8 } from './utf8';
import { readZip, type ZipCaps, type ZipFiles } from './zip-read';

/** A step with its starting lab or project read and checked. */
export type LoadedStep =
  | { readonly step: PackStep & { kind: 'lab' }; readonly lab: LabFile }
  | {
      readonly step: PackStep & { kind: 'project' };
      readonly project: ProjectDoc;
      readonly projectText: string;
    }
  | { readonly step: PackStep & { kind: 'reading' } };

/** An embedded dataset: its files relative to its folder, and its licence text. */
export interface EmbeddedDataset {
  readonly folder: string;
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly licence: string;
  readonly bytes: number;
}

/** A package, read and checked. */
export interface LabPack {
  readonly manifest: PackManifest;
  readonly steps: readonly LoadedStep[];
  /**
   * The answer keys. Only the checks read them; no view shows them. They are in
   * the file the student holds, so a determined student can read them there.
   */
  readonly answers: AnswerKeys;
  readonly datasets: ReadonlyMap<string, EmbeddedDataset>;
  /** Every file of the package (images for the instructions are looked up here). */
  readonly files: ZipFiles;
}

export const MANIFEST_PATH = 'manifest.json';
export const ANSWERS_PATH = 'answers.json';

/**
 * Reads a `.layerlab-pack` file: a safe unzip (`readZip`), then the manifest
 * (version, shape), every step's file, the locks against the project they
 * lock, the embedded datasets (cap, licence) and the answer keys. Never
 * throws, never writes, never runs anything from the package.
 */
export function readPack(
  bytes: Uint8Array,
  caps: ZipCaps & { readonly maxDatasetBytes: number } = packLimits,
): Result<LabPack, PackError> {
  const zip = readZip(bytes, caps);
  if (!zip.ok) return zip;
  const files = zip.value;
  const manifestJson = readJson(files, MANIFEST_PATH);
  if (!manifestJson.ok) return manifestJson;
  const raw = manifestJson.value as { format?: unknown; version?: unknown } | null;
  if (typeof raw !== 'object' || raw === null || raw.format !== PACK_FORMAT)
    return err(packError('pack-wrong-format', 'manifest.json is not a LayerLab package manifest'));
  if (typeof raw.version === 'number' && raw.version > PACK_FORMAT_VERSION)
    return err(
      packError(
        'pack-future-version',
        `version ${raw.version} is newer than ${PACK_FORMAT_VERSION}`,
        {
          version: raw.version,
          supported: PACK_FORMAT_VERSION,
        },
      ),
    );
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) return err(invalid(parsed.error.issues[0]));
  const manifest = parsed.data;

  const ids = new Set<string>();
  const steps: LoadedStep[] = [];
  for (const step of manifest.steps) {
    if (ids.has(step.id))
      return err(
        packError('pack-invalid', `step id ${step.id} appears twice`, { path: `steps.${step.id}` }),
      );
    ids.add(step.id);
    const loaded = loadStep(files, step);
    if (!loaded.ok) return loaded;
    steps.push(loaded.value);
  }

  const datasets = new Map<string, EmbeddedDataset>();
  for (const step of manifest.steps) {
    if (step.kind !== 'project' || step.dataset?.kind !== 'embedded') continue;
    const dataset = loadDataset(
      files,
      step.dataset.folder,
      step.dataset.licence,
      caps.maxDatasetBytes,
    );
    if (!dataset.ok) return dataset;
    datasets.set(dataset.value.folder, dataset.value);
  }

  let answers: AnswerKeys = {};
  if (files.has(ANSWERS_PATH)) {
    const answersJson = readJson(files, ANSWERS_PATH);
    if (!answersJson.ok) return answersJson;
    const parsedAnswers = answersSchema.safeParse(answersJson.value);
    if (!parsedAnswers.success) return err(invalid(parsedAnswers.error.issues[0], 'answers'));
    answers = parsedAnswers.data.keys;
  }
  return ok({ manifest, steps, answers, datasets, files });
}

function invalid(
  issue: { readonly message: string; readonly path: readonly PropertyKey[] } | undefined,
  root = '',
): PackError {
  const path = [root, ...(issue?.path ?? []).map(String)].filter((p) => p !== '').join('.');
  return packError('pack-invalid', `${path}: ${issue?.message ?? 'invalid'}`, {
    path: path.slice(0, 200),
  });
}

function readText(files: ZipFiles, path: string): Result<string, PackError> {
  const bytes = files.get(path);
  if (!bytes) return err(packError('pack-missing-file', `${path} is missing`, { path }));
  const text = decodeUtf8(bytes);
  return text === null
    ? err(packError('pack-not-json', `${path} is not UTF-8 text`, { path }))
    : ok(text);
}

function readJson(files: ZipFiles, path: string): Result<unknown, PackError> {
  if (path === MANIFEST_PATH && !files.has(path))
    return err(packError('pack-no-manifest', 'the package has no manifest.json'));
  const text = readText(files, path);
  if (!text.ok) return text;
  if (text.value.length > packLimits.maxManifestChars)
    return err(
      packError('pack-too-large', `${path} is too large`, { max: packLimits.maxManifestChars }),
    );
  try {
    return ok(JSON.parse(text.value) as unknown);
  } catch {
    return err(packError('pack-not-json', `${path} is not valid JSON`, { path }));
  }
}

function loadStep(files: ZipFiles, step: PackStep): Result<LoadedStep, PackError> {
  if (step.kind === 'reading') return ok({ step });
  const text = readText(files, step.file);
  if (!text.ok) return text;
  if (step.kind === 'lab') {
    const lab = parseLabFile(text.value);
    if (!lab.ok)
      return err(
        packError('pack-bad-step-file', `${step.file}: ${lab.error.message}`, {
          path: step.file,
          reason: lab.error.code,
        }),
      );
    if (lab.value.lab !== step.lab)
      return err(
        packError('pack-bad-step-file', `${step.file} holds the ${lab.value.lab} lab`, {
          path: step.file,
          reason: 'lab-file-unknown-lab',
        }),
      );
    return ok({ step, lab: lab.value });
  }
  const project = parseProject(text.value);
  if (!project.ok)
    return err(
      packError('pack-bad-step-file', `${step.file}: ${project.error.message}`, {
        path: step.file,
        reason: project.error.code,
      }),
    );
  const nodes = project.value.graph.nodes as Readonly<Record<string, unknown>>;
  const missing =
    step.locks.layers.find((id) => !(id in nodes)) ??
    step.locks.params.find((p) => !(p.node in nodes))?.node;
  if (missing !== undefined)
    return err(
      packError('pack-invalid', `step ${step.id} locks layer ${missing}, which its project lacks`, {
        path: `steps.${step.id}.locks`,
      }),
    );
  return ok({ step, project: project.value, projectText: text.value });
}

function loadDataset(
  files: ZipFiles,
  folder: string,
  licencePath: string,
  maxBytes: number,
): Result<EmbeddedDataset, PackError> {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  const inside = new Map<string, Uint8Array>();
  let bytes = 0;
  for (const [path, data] of files) {
    if (!path.startsWith(prefix)) continue;
    inside.set(path.slice(prefix.length), data);
    bytes += data.length;
  }
  const licence = readText(files, licencePath);
  if (!licence.ok || licence.value.trim() === '')
    return err(
      packError('pack-dataset-no-licence', `${folder} has no licence text`, { path: folder }),
    );
  bytes += licencePath.startsWith(prefix) ? 0 : licence.value.length;
  if (bytes > maxBytes)
    return err(
      packError('pack-dataset-too-large', `${folder} holds ${bytes} bytes`, {
        path: folder,
        megabytes: Math.round((bytes / (1024 * 1024)) * 10) / 10,
        maxMegabytes: Math.round(maxBytes / (1024 * 1024)),
      }),
    );
  return ok({ folder: prefix.slice(0, -1), files: inside, licence: licence.value, bytes });
}
