/**
 * Node-side helpers for the export tests and the export bench: write a file
 * map to disk, find a Python that has PyTorch, read `.npy` outputs back.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A fresh folder inside the repository (under node_modules/.cache), so the
 * generated `predict.mjs` resolves `@tensorflow/tfjs` from our node_modules
 * exactly as it would after `npm install @tensorflow/tfjs` in a user's folder.
 */
export function makeExportDir(label: string): { dir: string; remove: () => void } {
  const base = join(repoRoot, 'node_modules', '.cache', 'layerlab-export-tests');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a file map (relative path → contents) into `dir`. Test helper only: the app writes through the host. */
export function writeFileMap(
  dir: string,
  files: Readonly<Record<string, Uint8Array | string>>,
): void {
  for (const [path, contents] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
}

/**
 * The first Python that can `import torch, numpy`: `$LAYERLAB_PYTHON`, then
 * `python3` on PATH, then Debian's `/usr/bin/python3` (where `apt-get install
 * python3-torch` puts it, even when pyenv shadows `python3`). Returns a
 * message instead when none can, so the test fails saying what to install.
 */
export function findTorchPython(): { python: string } | { problem: string } {
  const candidates = [process.env['LAYERLAB_PYTHON'], 'python3', '/usr/bin/python3'].filter(
    (c): c is string => typeof c === 'string' && c.length > 0,
  );
  const tried: string[] = [];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import torch, numpy; print(torch.__version__)'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (probe.status === 0) return { python };
    tried.push(
      `${python}: ${(probe.stderr || probe.error?.message || 'failed').trim().split('\n').pop() ?? ''}`,
    );
  }
  return {
    problem: `No Python with PyTorch found (tried ${tried.join('; ')}). Install it with "apt-get install -y python3-torch python3-numpy" or set LAYERLAB_PYTHON.`,
  };
}

/** Reads a float32 C-order `.npy` (version 1.0/2.0) as rows of its first axis. */
export function readNpyRows(bytes: Uint8Array): number[][] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(start, start + headerLength));
  if (!header.includes("'descr': '<f4'") || header.includes("'fortran_order': True"))
    throw new Error(`unexpected .npy header ${header}`);
  const shape = (/'shape': \(([^)]*)\)/.exec(header)?.[1] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  // Copy into a fresh buffer: Node's Buffer#slice is a view into a shared pool, not a copy.
  const data = new Uint8Array(bytes.subarray(start + headerLength));
  const values = new Float32Array(data.buffer, 0, data.byteLength / 4);
  const rows = shape[0] ?? 1;
  const width = values.length / rows;
  return Array.from({ length: rows }, (_, r) =>
    Array.from(values.subarray(r * width, (r + 1) * width)),
  );
}
