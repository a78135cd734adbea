/**
 * Build stamps: a step of the build (scripts/build-steps.ts) is up to date when
 * its outputs exist and the hash of its inputs equals the hash recorded in its
 * stamp file when it last succeeded. The hash covers file contents, not times,
 * so a checkout, a copy or `touch` never fools it, and an edit always shows.
 *
 * Inputs are listed generously (whole source folders, configs, the lockfile):
 * a needless rebuild costs seconds, a missed one serves stale code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One step of the build, described as data so it can be checked without running it. */
export interface BuildStep {
  /** Short id used on the command line (`tsx scripts/build.ts --changed wasm`). */
  readonly name: string;
  /** What the one output line calls it. */
  readonly label: string;
  /** Repository-relative files and folders whose contents decide the output. */
  readonly inputs: readonly string[];
  /** Repository-relative files that must exist for the step to count as built. */
  readonly outputs: readonly string[];
  /** Repository-relative path of the stamp file (kept beside the outputs, so removing them removes it). */
  readonly stamp: string;
  readonly run: () => Promise<void>;
}

interface Stamp {
  readonly step: string;
  readonly inputsHash: string;
}

/**
 * Files that never reach a build output: tests, docs, dotfiles (the stamps
 * themselves) and generated caches. Skipping them keeps an edited test from
 * rebuilding the app.
 */
function isIgnored(name: string): boolean {
  return (
    name.startsWith('.') ||
    name === 'node_modules' ||
    /\.(test|spec)\.(ts|tsx|mjs|js)$/.test(name) ||
    name.endsWith('.md')
  );
}

function listFiles(root: string, relative: string, into: string[]): void {
  const full = path.join(root, relative);
  let entries;
  try {
    entries = readdirSync(full, { withFileTypes: true });
  } catch {
    into.push(relative); // a plain file (or a missing one, hashed as absent)
    return;
  }
  for (const entry of entries) {
    if (isIgnored(entry.name)) continue;
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) listFiles(root, child, into);
    else if (entry.isFile()) into.push(child);
  }
}

/** Per-process cache: several steps share core/, read it once (cleared when a step writes files). */
const fileHashes = new Map<string, string>();

/** Forgets the cached file hashes: call after a step ran, since it may have written inputs of the next. */
export function forgetFileHashes(): void {
  fileHashes.clear();
}

function hashFile(root: string, relative: string): string {
  const file = path.join(root, relative);
  const cached = fileHashes.get(file);
  if (cached !== undefined) return cached;
  let digest: string;
  try {
    digest = createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    digest = 'absent';
  }
  fileHashes.set(file, digest);
  return digest;
}

/** One hash over the step's input files: their sorted paths (so adding or removing a file counts) and contents. */
export function hashInputs(root: string, inputs: readonly string[]): string {
  const files: string[] = [];
  for (const input of inputs) listFiles(root, input, files);
  const hash = createHash('sha256');
  for (const file of [...new Set(files)].sort()) {
    hash.update(`${file.split(path.sep).join('/')}\0${hashFile(root, file)}\n`);
  }
  return hash.digest('hex');
}

function readStamp(file: string): Stamp | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Stamp>;
    return typeof parsed.inputsHash === 'string' && typeof parsed.step === 'string'
      ? { step: parsed.step, inputsHash: parsed.inputsHash }
      : null;
  } catch {
    return null;
  }
}

/**
 * Whether `step` must run, and the inputs hash to record once it has. A step
 * runs when an output is missing, its stamp is missing or unreadable, or its
 * inputs changed.
 */
export function checkStep(root: string, step: BuildStep): { fresh: boolean; inputsHash: string } {
  const inputsHash = hashInputs(root, step.inputs);
  const outputsExist = step.outputs.every((output) => existsSync(path.join(root, output)));
  const stamp = readStamp(path.join(root, step.stamp));
  return { fresh: outputsExist && stamp?.inputsHash === inputsHash, inputsHash };
}

/** Records a successful build of `step` from inputs that hashed to `inputsHash`. */
export function writeStamp(root: string, step: BuildStep, inputsHash: string): void {
  const file = path.join(root, step.stamp);
  mkdirSync(path.dirname(file), { recursive: true });
  const stamp: Stamp = { step: step.name, inputsHash };
  writeFileSync(file, `${JSON.stringify(stamp)}\n`);
}
