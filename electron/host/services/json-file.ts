import { readFile, rename } from 'node:fs/promises';

import type { z } from 'zod';

import { writeFileAtomically } from './atomic-write';
import { errnoOf } from './host-error';

/**
 * Reads a small JSON file of the app's own (recent projects, settings,
 * grants). A missing file gives `fallback`; a corrupt one is moved aside to
 * `<file>.corrupt` and gives `fallback` too, so a bad file never stops the app.
 */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return fallback;
    throw error;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: not JSON
  }
  await rename(file, `${file}.corrupt`).catch(() => undefined);
  return fallback;
}

/** Writes JSON atomically (no `.bak`: these files are rebuilt easily), readable by the user only (0600). */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFileAtomically(file, `${JSON.stringify(value, null, 2)}\n`, {
    keepBackup: false,
    mode: 0o600,
  });
}
