import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import {
  boxesForSamples,
  maxBoxesFileBytes,
  maxVocXmlBytes,
  parseBoxesCsv,
  parseBoxesJson,
  parseVocXml,
  type BoxedSample,
  type BoxRow,
  type ParsedBoxes,
  type SampleBoxes,
} from '../../core/data/index';

/** VOC folders with more annotation files than this are not read (one per image is expected). */
const maxVocFiles = 200_000;

async function readCapped(file: string, cap: number): Promise<string | null> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  if (info.size > cap) return '';
  return readFile(file, 'utf8');
}

/**
 * Pascal VOC: one XML file per image in `Annotations/` (or `annotations/`),
 * naming the image by its file name; matched to the sample with that base name.
 */
async function readVocFolder(
  folder: string,
  samples: readonly BoxedSample[],
): Promise<ParsedBoxes | null> {
  const names = await readdir(folder).catch(() => null);
  const dirName = names?.find((n) => n.toLowerCase() === 'annotations');
  if (!dirName) return null;
  const files = (await readdir(path.join(folder, dirName)))
    .filter((f) => f.toLowerCase().endsWith('.xml'))
    .slice(0, maxVocFiles);
  const byBase = new Map<string, string | null>();
  for (const s of samples) {
    const base = s.key.split('/').pop() ?? s.key;
    byBase.set(base, byBase.has(base) ? null : s.key);
  }
  const rows: BoxRow[] = [];
  const problems: { line: number; reason: string }[] = [];
  for (const [i, file] of files.entries()) {
    const text = await readCapped(path.join(folder, dirName, file), maxVocXmlBytes);
    const parsed = text ? parseVocXml(text) : { error: 'not readable, or too large' };
    if ('error' in parsed) {
      problems.push({ line: i + 1, reason: `${file}: ${parsed.error}` });
      continue;
    }
    const key = byBase.get(parsed.filename.split('/').pop() ?? parsed.filename);
    rows.push({ file: key ?? parsed.filename, ...parsed.box });
  }
  return { rows, problems };
}

/**
 * The object boxes of an image dataset folder, if it has any: `boxes.csv`,
 * else `boxes.json` at the root, else Pascal VOC XML in `Annotations/`;
 * matched to `samples` and normalised (core/data/boxes.ts). Null when the
 * folder has no boxes (a plain classification dataset).
 */
export async function readDatasetBoxes(
  folder: string,
  samples: readonly BoxedSample[],
): Promise<SampleBoxes | null> {
  const csv = await readCapped(path.join(folder, 'boxes.csv'), maxBoxesFileBytes);
  if (csv !== null)
    return boxesForSamples(
      csv === ''
        ? { rows: [], problems: [{ line: 0, reason: 'boxes.csv is too large' }] }
        : parseBoxesCsv(csv),
      samples,
    );
  const json = await readCapped(path.join(folder, 'boxes.json'), maxBoxesFileBytes);
  if (json !== null)
    return boxesForSamples(
      json === ''
        ? { rows: [], problems: [{ line: 0, reason: 'boxes.json is too large' }] }
        : parseBoxesJson(json),
      samples,
    );
  const voc = await readVocFolder(folder, samples);
  return voc === null ? null : boxesForSamples(voc, samples);
}
