/**
 * Object boxes for classification + localisation datasets: one object per
 * image, read from a boxes file at the dataset root (`boxes.csv` or
 * `boxes.json`) or from Pascal VOC XML annotations, checked against the
 * images (missing, zero area, outside the image) and turned into the targets
 * a box head learns: `[x, y, width, height]` divided by the image size.
 * Pure text in, data out; callers read the files.
 */
import type { DatasetIssue } from './health-report';

/** A box in pixels of the original image: top-left corner and size. */
export interface PixelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One row of a boxes file: the image's path relative to the dataset root (`/` separators). */
export interface BoxRow extends PixelBox {
  readonly file: string;
}

/** A line of a boxes file that could not be read (1-based line, English reason for logs). */
export interface BoxFileProblem {
  readonly line: number;
  readonly reason: string;
}

export interface ParsedBoxes {
  readonly rows: readonly BoxRow[];
  readonly problems: readonly BoxFileProblem[];
}

/** Boxes files larger than this are refused unread (a million rows of CSV is ~40 MB). */
export const maxBoxesFileBytes = 64 * 1024 * 1024;
/** VOC annotations are one small file per image; anything larger is not one. */
export const maxVocXmlBytes = 1024 * 1024;

const csvColumns = ['file', 'x', 'y', 'width', 'height'] as const;

/** A CSV field: surrounding spaces and one pair of double quotes removed (`""` → `"`). */
function csvField(raw: string): string {
  const t = raw.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"')
    ? t.slice(1, -1).replace(/""/g, '"')
    : t;
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields.map(csvField);
}

const normalisePath = (file: string): string =>
  file.replace(/\\/g, '/').replace(/^\.\//, '').normalize('NFC');

function rowOf(file: string, values: readonly unknown[]): BoxRow | string {
  if (file === '') return 'no file name';
  const numbers = values.map((v) =>
    typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN,
  );
  if (numbers.some((n) => !Number.isFinite(n))) return 'x, y, width and height must be numbers';
  const [x, y, width, height] = numbers as [number, number, number, number];
  return { file: normalisePath(file), x, y, width, height };
}

/**
 * `boxes.csv`: a header naming the columns `file,x,y,width,height` (any
 * order, other columns such as `class` ignored), then one row per image, in
 * pixels of the original image.
 */
export function parseBoxesCsv(text: string): ParsedBoxes {
  if (text.length > maxBoxesFileBytes)
    return { rows: [], problems: [{ line: 0, reason: 'the boxes file is too large' }] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.toLowerCase());
  const at = csvColumns.map((c) => header.indexOf(c));
  if (at.some((i) => i < 0))
    return {
      rows: [],
      problems: [{ line: 1, reason: `the header must name the columns ${csvColumns.join(',')}` }],
    };
  const rows: BoxRow[] = [];
  const problems: BoxFileProblem[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const fields = splitCsvLine(line);
    const [file, ...values] = at.map((j) => fields[j] ?? '');
    const row = rowOf(file ?? '', values);
    if (typeof row === 'string') problems.push({ line: i + 2, reason: row });
    else rows.push(row);
  });
  return { rows, problems };
}

/** `boxes.json`: an array of `{ "file", "x", "y", "width", "height" }` objects, in pixels. */
export function parseBoxesJson(text: string): ParsedBoxes {
  if (text.length > maxBoxesFileBytes)
    return { rows: [], problems: [{ line: 0, reason: 'the boxes file is too large' }] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { rows: [], problems: [{ line: 0, reason: 'the boxes file is not valid JSON' }] };
  }
  if (!Array.isArray(data))
    return { rows: [], problems: [{ line: 0, reason: 'the boxes file must hold an array' }] };
  const rows: BoxRow[] = [];
  const problems: BoxFileProblem[] = [];
  data.forEach((entry: unknown, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const file = typeof e['file'] === 'string' ? e['file'] : '';
    const row = rowOf(file, [e['x'], e['y'], e['width'], e['height']]);
    if (typeof row === 'string') problems.push({ line: i + 1, reason: row });
    else rows.push(row);
  });
  return { rows, problems };
}

/** A Pascal VOC annotation: the image it describes, its size, and its first object. */
export interface VocAnnotation {
  readonly filename: string;
  readonly imageWidth: number | null;
  readonly imageHeight: number | null;
  readonly className: string;
  readonly box: PixelBox;
}

/** The five entities XML predefines; nothing else is expanded. */
const xmlEntities: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function xmlText(raw: string): string {
  return raw
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => xmlEntities[name] ?? '')
    .trim();
}

function element(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}\\s*>`).exec(xml);
  return match ? (match[1] ?? '') : null;
}

/**
 * Reads one Pascal VOC XML annotation (`<annotation>` with `<filename>`,
 * `<size>` and `<object>`s with `<name>` and `<bndbox>` xmin/ymin/xmax/ymax).
 * Safe on hostile files: anything over `maxVocXmlBytes`, and any DOCTYPE or
 * ENTITY declaration (the door to entity expansion and external entities) is
 * refused; only the five predefined entities are decoded; no parser that
 * fetches or expands anything is involved. The first object is the image's
 * object (this format has one object per image).
 */
export function parseVocXml(text: string): VocAnnotation | { readonly error: string } {
  if (text.length > maxVocXmlBytes) return { error: 'the annotation file is too large' };
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    return { error: 'the annotation declares a DOCTYPE or entities, which are not read' };
  const annotation = element(text, 'annotation');
  if (annotation === null) return { error: 'no <annotation> element' };
  const object = element(annotation, 'object');
  const bndbox = object === null ? null : element(object, 'bndbox');
  if (object === null || bndbox === null) return { error: 'no <object> with a <bndbox>' };
  const number = (xml: string | null, name: string): number => {
    const raw = xml === null ? null : element(xml, name);
    return raw === null ? Number.NaN : Number(xmlText(raw));
  };
  const [xmin, ymin, xmax, ymax] = ['xmin', 'ymin', 'xmax', 'ymax'].map((n) => number(bndbox, n));
  if (![xmin, ymin, xmax, ymax].every((v) => Number.isFinite(v)))
    return { error: 'the <bndbox> coordinates are not numbers' };
  const size = element(annotation, 'size');
  const width = number(size, 'width');
  const height = number(size, 'height');
  return {
    filename: normalisePath(xmlText(element(annotation, 'filename') ?? '')),
    imageWidth: Number.isFinite(width) && width > 0 ? width : null,
    imageHeight: Number.isFinite(height) && height > 0 ? height : null,
    className: xmlText(element(object, 'name') ?? ''),
    box: { x: xmin!, y: ymin!, width: xmax! - xmin!, height: ymax! - ymin! },
  };
}

/** A sample as box matching sees it: its key (relative path) and original image size. */
export interface BoxedSample {
  readonly key: string;
  readonly width?: number;
  readonly height?: number;
}

export interface SampleBoxes {
  /** `count × 4`: `[x, y, width, height]` divided by the image's width and height, clipped to [0, 1]. */
  readonly boxes: Float32Array;
  /** Health findings, worded by code like the report's other issues. */
  readonly issues: readonly DatasetIssue[];
}

/**
 * Matches boxes to samples by path and normalises them. The health report
 * gets: `dataset-boxes-missing` (images without a box: error, a box head
 * would learn a box that is not there), `dataset-boxes-zero-area` (error),
 * `dataset-boxes-outside` (warning; clipped to the image),
 * `dataset-boxes-unmatched` (rows naming no image: warning) and
 * `dataset-boxes-unreadable` (lines that could not be read: warning).
 */
export function boxesForSamples(parsed: ParsedBoxes, samples: readonly BoxedSample[]): SampleBoxes {
  const byFile = new Map(parsed.rows.map((r) => [r.file, r]));
  const boxes = new Float32Array(samples.length * 4);
  const missing: string[] = [];
  const zeroArea: string[] = [];
  const outside: string[] = [];
  samples.forEach((sample, i) => {
    const row = byFile.get(normalisePath(sample.key));
    const w = sample.width ?? 0;
    const h = sample.height ?? 0;
    if (!row || w <= 0 || h <= 0) {
      missing.push(sample.key);
      return;
    }
    if (row.width <= 0 || row.height <= 0) {
      zeroArea.push(sample.key);
      return;
    }
    if (row.x < 0 || row.y < 0 || row.x + row.width > w || row.y + row.height > h)
      outside.push(sample.key);
    const x0 = Math.min(Math.max(row.x, 0), w);
    const y0 = Math.min(Math.max(row.y, 0), h);
    const x1 = Math.min(Math.max(row.x + row.width, 0), w);
    const y1 = Math.min(Math.max(row.y + row.height, 0), h);
    boxes.set([x0 / w, y0 / h, (x1 - x0) / w, (y1 - y0) / h], i * 4);
  });
  const keys = new Set(samples.map((s) => normalisePath(s.key)));
  const unmatched = parsed.rows.filter((r) => !keys.has(r.file)).map((r) => r.file);
  const issues: DatasetIssue[] = [];
  const add = (
    code: DatasetIssue['code'],
    severity: DatasetIssue['severity'],
    files: readonly string[],
    what: string,
  ) => {
    if (files.length === 0) return;
    issues.push({
      code,
      severity,
      count: files.length,
      values: { first: files[0] ?? '' },
      message: `${files.length} ${what} (first: ${files[0] ?? ''})`,
    });
  };
  add('dataset-boxes-missing', 'error', missing, 'images have no box');
  add('dataset-boxes-zero-area', 'error', zeroArea, 'boxes have zero area');
  add('dataset-boxes-outside', 'warning', outside, 'boxes reach outside their image (clipped)');
  add('dataset-boxes-unmatched', 'warning', unmatched, 'boxes name no image of the dataset');
  if (parsed.problems.length > 0)
    issues.push({
      code: 'dataset-boxes-unreadable',
      severity: 'warning',
      count: parsed.problems.length,
      values: { line: parsed.problems[0]?.line ?? 0, reason: parsed.problems[0]?.reason ?? '' },
      message: `${parsed.problems.length} lines of the boxes file could not be read (line ${parsed.problems[0]?.line ?? 0}: ${parsed.problems[0]?.reason ?? ''})`,
    });
  return { boxes, issues };
}
