import { err, ok } from '../../result';
import type { Result } from '../../result';
import { importError } from './import-error';
import type { ImportError } from './import-error';

/** One weight tensor read from a model folder, by its TF.js name (`dense_1/kernel`). */
export interface NamedWeight {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** A weight's entry in `model.json`'s `weightsManifest`, as TF.js writes it. */
export interface WeightSpecEntry {
  readonly name: string;
  readonly shape: number[];
  readonly dtype: 'float32';
}

/** Weights validated against the manifest: every value finite, byte counts exact. */
export interface ReadWeights {
  readonly specs: readonly WeightSpecEntry[];
  readonly weights: readonly NamedWeight[];
  /** All weight bytes concatenated in manifest order (what `tf.io.fromMemory` expects). */
  readonly data: ArrayBuffer;
}

/**
 * Cap on declared weight values (128 Mi floats = 512 MB), checked before any
 * allocation so a manifest declaring a 2 GB shape fails at once.
 */
export const maxWeightValues = 2 ** 27;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Resolves a shard path from the manifest to a key of the folder's file map.
 * Refuses anything that could leave the folder (`..`, absolute paths, drive
 * letters, URLs, backslashes), because a model folder is untrusted input.
 */
export function resolveShardPath(path: string): Result<string, ImportError> {
  const unsafe = (): Result<never, ImportError> =>
    err(
      importError(
        'import-unsafe-path',
        `The weights manifest points at "${path}", outside the model folder; only files next to model.json are read.`,
        path,
      ),
    );
  if (path.length === 0 || path.length > 1000) return unsafe();
  if (
    path.includes('\\') ||
    path.includes('\0') ||
    /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(path) ||
    path.startsWith('/')
  )
    return unsafe();
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..')) return unsafe();
  return ok(parts.join('/'));
}

function elementCount(shape: unknown, name: string, budget: number): Result<number, ImportError> {
  if (!Array.isArray(shape))
    return err(importError('import-bad-manifest', `Weight "${name}" has no shape.`, name));
  let n = 1;
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0)
      return err(
        importError(
          'import-bad-manifest',
          `Weight "${name}" has an invalid shape ${JSON.stringify(shape)}.`,
          name,
        ),
      );
    n *= d;
    if (n > budget) {
      return err(
        importError(
          'import-weights-too-large',
          `Weight "${name}" declares shape ${JSON.stringify(shape)}, more than LayerLab can load (${maxWeightValues} values in all).`,
          name,
        ),
      );
    }
  }
  return ok(n);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((s, c) => s + c.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Reads and checks the weights of a TF.js layers model folder.
 * `files` maps paths relative to `model.json` to their bytes. Refuses, with a
 * coded error naming the weight or file: unsafe or missing shard paths,
 * non-float32 or quantized weights, shapes beyond `maxWeightValues`, bytes
 * shorter **or longer** than the manifest declares (TF.js silently accepts
 * extra bytes), and NaN/±Infinity values (TF.js loads them and predicts NaN).
 */
export function readWeights(
  manifest: unknown,
  files: Readonly<Record<string, Uint8Array>>,
): Result<ReadWeights, ImportError> {
  if (manifest === undefined || manifest === null)
    return ok({ specs: [], weights: [], data: new ArrayBuffer(0) });
  if (!Array.isArray(manifest))
    return err(
      importError('import-bad-manifest', 'weightsManifest is not a list of weight groups.'),
    );
  const specs: WeightSpecEntry[] = [];
  const groupBytes: Uint8Array[] = [];
  let budget = maxWeightValues;
  for (const [g, group] of manifest.entries()) {
    if (!isObject(group) || !Array.isArray(group['paths']) || !Array.isArray(group['weights'])) {
      return err(
        importError(
          'import-bad-manifest',
          `Weight group #${g + 1} needs "paths" and "weights" lists.`,
        ),
      );
    }
    let expected = 0;
    for (const w of group['weights']) {
      if (!isObject(w) || typeof w['name'] !== 'string')
        return err(importError('import-bad-manifest', `A weight in group #${g + 1} has no name.`));
      const name = w['name'];
      if (w['quantization'] !== undefined)
        return err(
          importError(
            'import-weight-dtype',
            `Weight "${name}" is quantized; LayerLab reads float32 weights only.`,
            name,
          ),
        );
      if (w['dtype'] !== 'float32')
        return err(
          importError(
            'import-weight-dtype',
            `Weight "${name}" has dtype ${String(w['dtype'])}; LayerLab reads float32 weights only.`,
            name,
          ),
        );
      const count = elementCount(w['shape'], name, budget);
      if (!count.ok) return count;
      budget -= count.value;
      expected += count.value * 4;
      specs.push({ name, shape: [...(w['shape'] as number[])], dtype: 'float32' });
    }
    const chunks: Uint8Array[] = [];
    for (const raw of group['paths']) {
      if (typeof raw !== 'string')
        return err(
          importError(
            'import-bad-manifest',
            `Weight group #${g + 1} lists a shard path that is not a string.`,
          ),
        );
      const path = resolveShardPath(raw);
      if (!path.ok) return path;
      const bytes = files[path.value];
      if (bytes === undefined)
        return err(
          importError(
            'import-missing-shard',
            `The weight file "${path.value}" named in model.json is missing from the folder.`,
            path.value,
          ),
        );
      chunks.push(bytes);
    }
    const joined = concat(chunks);
    const shardNames = (group['paths'] as string[]).join(', ');
    if (joined.byteLength < expected) {
      return err(
        importError(
          'import-weights-short',
          `The weight files (${shardNames}) hold ${joined.byteLength} bytes but model.json declares ${expected}: the files are truncated or belong to another model.`,
          shardNames,
        ),
      );
    }
    if (joined.byteLength > expected) {
      return err(
        importError(
          'import-weights-long',
          `The weight files (${shardNames}) hold ${joined.byteLength} bytes but model.json declares ${expected}: they belong to another model or were altered.`,
          shardNames,
        ),
      );
    }
    groupBytes.push(joined);
  }
  const all = concat(groupBytes);
  // Copy through a fresh buffer so values are aligned for Float32Array and detached from the caller's bytes.
  const data = all.slice().buffer;
  const weights: NamedWeight[] = [];
  let offset = 0;
  for (const spec of specs) {
    const n = spec.shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(data, offset, n);
    offset += n * 4;
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i] as number)) {
        return err(
          importError(
            'import-weights-non-finite',
            `Weight "${spec.name}" contains ${String(values[i])} at position ${i}; a model with NaN or infinite weights cannot predict.`,
            spec.name,
          ),
        );
      }
    }
    weights.push({ name: spec.name, shape: spec.shape, values });
  }
  return ok({ specs, weights, data });
}
