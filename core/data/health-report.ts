/**
 * The dataset health report shown before any training: what will be used,
 * what was skipped and why, duplicates, and warnings about class balance.
 * Pure data; the panel words each `code` through i18n and `reportToDelimited`
 * exports it as a list.
 */
import type { DatasetKind } from './class-discovery';
import type { SkipReason } from './inspect-file';
import type { TextEncoding } from './text-decoding';

/** A file left out by the listing (never read): system files, hidden entries, links. */
export interface IgnoredEntry {
  readonly path: string;
  readonly reason: string;
}

/** A file that was looked at and left out. */
export interface SkippedFile {
  readonly path: string;
  readonly reason: SkipReason;
  readonly detail?: string;
}

/**
 * Dataset-level findings. Errors block training; warnings do not.
 * - `dataset-empty`: the folder holds no files at all.
 * - `dataset-no-class-folders`: files, but none inside class subfolders.
 * - `dataset-one-class`: a classifier needs at least two classes.
 * - `dataset-no-usable-samples`: every file was skipped.
 * - `dataset-empty-class`: a class folder with no usable file (left out).
 * - `dataset-root-files`: files directly in the root are not used.
 * - `dataset-skipped-files`: some files could not be used (see the list).
 * - `dataset-duplicates`: identical files; `dataset-duplicates-across-classes` when in different classes.
 * - `dataset-class-too-small`: fewer than `minSamplesPerClass` samples.
 * - `dataset-class-imbalance`: the largest class is ≥ `imbalanceRatio`× the smallest.
 * - `dataset-text-truncated`: more than 20% of the texts are longer than the sequence length.
 * - `dataset-sequence-length-capped`: the default length was held below 90% coverage by the memory cap.
 * - `dataset-encoding-guessed`: files without a BOM that are not UTF-8 were read in a guessed encoding.
 * - `dataset-boxes-*`: the boxes file of a localisation dataset (core/data/boxes.ts): images
 *   without a box, boxes of zero area (errors), boxes outside the image, rows naming no image,
 *   unreadable lines (warnings).
 */
export type DatasetIssueCode =
  | 'dataset-empty'
  | 'dataset-no-class-folders'
  | 'dataset-one-class'
  | 'dataset-no-usable-samples'
  | 'dataset-empty-class'
  | 'dataset-root-files'
  | 'dataset-skipped-files'
  | 'dataset-duplicates'
  | 'dataset-duplicates-across-classes'
  | 'dataset-class-too-small'
  | 'dataset-class-imbalance'
  | 'dataset-text-truncated'
  | 'dataset-sequence-length-capped'
  | 'dataset-encoding-guessed'
  | 'dataset-boxes-missing'
  | 'dataset-boxes-zero-area'
  | 'dataset-boxes-outside'
  | 'dataset-boxes-unmatched'
  | 'dataset-boxes-unreadable';

export interface DatasetIssue {
  readonly code: DatasetIssueCode;
  readonly severity: 'error' | 'warning';
  /** Class name, when the issue concerns one class. */
  readonly subject?: string;
  /** A count or ratio for the message. */
  readonly count?: number;
  /** Further numbers or codes the message is worded with (e.g. `length`, `percent`). */
  readonly values?: Readonly<Record<string, number | string>>;
  /** English, for logs and the CLI; the UI words issues by code. */
  readonly message: string;
}

export interface ClassSummary {
  readonly name: string;
  readonly count: number;
  readonly trainCount: number;
  readonly validationCount: number;
}

/** One bar of a distribution: a size (`28×28`) or a length range (`0–15`, `≥ 900`). */
export interface DistributionBin {
  readonly label: string;
  readonly count: number;
  /** Length ranges: the shortest length in the range. */
  readonly from?: number;
}

export interface HealthReport {
  readonly kind: DatasetKind;
  /** Usable classes in index order. */
  readonly classes: readonly ClassSummary[];
  readonly usableCount: number;
  readonly skipped: readonly SkippedFile[];
  readonly ignored: readonly IgnoredEntry[];
  readonly emptyClasses: readonly string[];
  readonly rootFiles: readonly string[];
  /** Groups of identical files (by content hash), paths sorted. */
  readonly duplicates: readonly (readonly string[])[];
  /** Image sizes (most common first) or text lengths in tokens (ascending ranges). */
  readonly distribution: readonly DistributionBin[];
  /** Text datasets: how the sequence length fits the texts; absent for images. */
  readonly text?: TextLengthReport;
  readonly issues: readonly DatasetIssue[];
}

/** How the chosen sequence length fits the texts, and how the files were decoded. */
export interface TextLengthReport {
  readonly sequenceLength: number;
  /** Which end of a longer text is cut. */
  readonly truncating: 'pre' | 'post';
  /** Texts longer than `sequenceLength`. */
  readonly truncatedCount: number;
  /** `truncatedCount` / samples (0–1). */
  readonly truncatedShare: number;
  /** Token counts: median, the length covering 90% of the texts, the longest. */
  readonly median: number;
  readonly coverLength: number;
  readonly longest: number;
  /** The memory cap that held the default length below `coverLength`, if it did. */
  readonly cap: number | null;
  /** Files per encoding, and how many of them were guessed. */
  readonly encodings: readonly {
    readonly encoding: TextEncoding;
    readonly files: number;
    readonly guessed: number;
  }[];
}

/** Thresholds for the warnings; defaults follow ecosystem-notes §3.1. */
export interface HealthThresholds {
  readonly minSamplesPerClass: number;
  readonly imbalanceRatio: number;
}

export const defaultHealthThresholds: HealthThresholds = {
  minSamplesPerClass: 10,
  imbalanceRatio: 3,
};

/** True when the report holds an error that must block training. */
export function hasBlockingIssue(report: Pick<HealthReport, 'issues'>): boolean {
  return report.issues.some((i) => i.severity === 'error');
}

/** Collects the dataset-level issues from the parts of a report. */
export function findIssues(
  parts: Omit<HealthReport, 'issues' | 'distribution' | 'kind' | 'text'> & {
    readonly totalFiles: number;
    readonly duplicateClasses: readonly boolean[];
  },
  thresholds: HealthThresholds = defaultHealthThresholds,
): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const hasClassFolders =
    parts.classes.length > 0 || parts.emptyClasses.length > 0 || parts.skipped.length > 0;
  if (parts.totalFiles === 0)
    issues.push({
      code: 'dataset-empty',
      severity: 'error',
      message: 'The folder holds no files.',
    });
  else if (!hasClassFolders)
    issues.push({
      code: 'dataset-no-class-folders',
      severity: 'error',
      count: parts.rootFiles.length,
      message: 'No class folders: put each class’s files in its own subfolder.',
    });
  else if (parts.usableCount === 0)
    issues.push({
      code: 'dataset-no-usable-samples',
      severity: 'error',
      message: 'None of the files could be used; see the skipped list.',
    });
  else if (parts.classes.length === 1)
    issues.push({
      code: 'dataset-one-class',
      severity: 'error',
      subject: parts.classes[0]?.name ?? '',
      message: 'Only one class found; a classifier needs at least two class folders.',
    });
  for (const name of parts.emptyClasses)
    issues.push({
      code: 'dataset-empty-class',
      severity: 'warning',
      subject: name,
      message: `Class folder “${name}” has no usable files and is left out.`,
    });
  if (parts.rootFiles.length > 0 && hasClassFolders)
    issues.push({
      code: 'dataset-root-files',
      severity: 'warning',
      count: parts.rootFiles.length,
      message: `${parts.rootFiles.length} file(s) directly in the folder are not in a class folder and are not used.`,
    });
  if (parts.skipped.length > 0)
    issues.push({
      code: 'dataset-skipped-files',
      severity: 'warning',
      count: parts.skipped.length,
      message: `${parts.skipped.length} file(s) skipped; see the list for reasons.`,
    });
  if (parts.duplicates.length > 0) {
    const across = parts.duplicateClasses.filter(Boolean).length;
    issues.push({
      code: 'dataset-duplicates',
      severity: 'warning',
      count: parts.duplicates.length,
      message: `${parts.duplicates.length} group(s) of identical files.`,
    });
    if (across > 0)
      issues.push({
        code: 'dataset-duplicates-across-classes',
        severity: 'warning',
        count: across,
        message: `${across} identical file group(s) sit in different classes: the labels contradict each other.`,
      });
  }
  for (const c of parts.classes) {
    if (c.count < thresholds.minSamplesPerClass)
      issues.push({
        code: 'dataset-class-too-small',
        severity: 'warning',
        subject: c.name,
        count: c.count,
        message: `Class “${c.name}” has only ${c.count} sample(s); aim for at least ${thresholds.minSamplesPerClass}.`,
      });
  }
  const counts = parts.classes.map((c) => c.count);
  if (counts.length >= 2) {
    const ratio = Math.max(...counts) / Math.max(1, Math.min(...counts));
    if (ratio >= thresholds.imbalanceRatio)
      issues.push({
        code: 'dataset-class-imbalance',
        severity: 'warning',
        count: Math.round(ratio * 10) / 10,
        message: `The largest class has ${ratio.toFixed(1)}× the samples of the smallest.`,
      });
  }
  return issues;
}

/** Most common image sizes first; sizes beyond `top` are summed into one “other” bin. */
export function sizeDistribution(
  sizes: readonly { width: number; height: number }[],
  top = 8,
): DistributionBin[] {
  const counts = new Map<string, number>();
  for (const s of sizes)
    counts.set(`${s.width}×${s.height}`, (counts.get(`${s.width}×${s.height}`) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const bins = sorted.slice(0, top).map(([label, count]) => ({ label, count }));
  const rest = sorted.slice(top).reduce((sum, [, n]) => sum + n, 0);
  return rest > 0 ? [...bins, { label: 'other', count: rest }] : bins;
}

/**
 * Text lengths (tokens) in up to `binCount` equal-width ascending ranges. When
 * a few very long texts would squash every other bar into the first one
 * (mail folders: median 600 tokens, longest 30,000), the ranges cover up to
 * the 95th percentile and one last bin `≥ n` holds the rest.
 */
export function lengthDistribution(lengths: readonly number[], binCount = 10): DistributionBin[] {
  if (lengths.length === 0) return [];
  const sorted = [...lengths].sort((a, b) => a - b);
  const max = sorted.at(-1) as number;
  const p95 = sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] as number;
  const top = max > 2 * p95 ? p95 : max;
  const width = Math.max(1, Math.ceil((top + 1) / binCount));
  const bins = Array.from({ length: Math.ceil((top + 1) / width) }, (_, i) => ({
    from: i * width,
    count: 0,
  }));
  const overflow = { from: bins.length * width, count: 0 };
  for (const n of sorted) {
    const bin = bins[Math.floor(n / width)];
    if (bin === undefined) overflow.count++;
    else bin.count++;
  }
  return [
    ...bins.map((b) => ({
      label: `${b.from}–${b.from + width - 1}`,
      from: b.from,
      count: b.count,
    })),
    ...(overflow.count > 0
      ? [{ label: `≥ ${overflow.from}`, from: overflow.from, count: overflow.count }]
      : []),
  ];
}

/** Above this share of cut texts the health report warns. */
export const truncationWarningShare = 0.2;

/** The text findings: cut texts above `warnShare`, a capped default length, guessed encodings. */
export function textIssues(
  text: TextLengthReport,
  warnShare: number = truncationWarningShare,
): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const percent = Math.round(text.truncatedShare * 100);
  if (text.truncatedShare > warnShare) {
    const kept = text.truncating === 'pre' ? 'end' : 'start';
    issues.push({
      code: 'dataset-text-truncated',
      severity: 'warning',
      count: text.truncatedCount,
      values: { percent, length: text.sequenceLength, suggested: text.coverLength, kept },
      message: `${percent}% of the texts are longer than the sequence length ${text.sequenceLength} tokens and are cut (only their ${kept} is seen). Raise the sequence length to ${text.coverLength} to keep 90% whole, or choose which end to keep.`,
    });
  }
  if (text.cap !== null)
    issues.push({
      code: 'dataset-sequence-length-capped',
      severity: 'warning',
      values: { length: text.sequenceLength, suggested: text.coverLength, cap: text.cap },
      message: `The sequence length was set to ${text.sequenceLength}, not ${text.coverLength} (which would keep 90% of the texts whole), so that all samples' token ids fit in memory.`,
    });
  for (const e of text.encodings)
    if (e.guessed > 0)
      issues.push({
        code: 'dataset-encoding-guessed',
        severity: 'warning',
        subject: e.encoding,
        count: e.guessed,
        message: `${e.guessed} file(s) are not UTF-8 and were read as ${e.encoding} (guessed from their bytes). If their text looks wrong, choose the encoding in the text options.`,
      });
  return issues;
}

/** The length and decoding part of a text report. */
export function textLengthReport(input: {
  readonly lengths: readonly number[];
  readonly sequenceLength: number;
  readonly truncating: 'pre' | 'post';
  readonly cap: number | null;
  readonly files: readonly { readonly encoding: TextEncoding; readonly guessed: boolean }[];
}): TextLengthReport {
  const sorted = [...input.lengths].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted.length === 0 ? 0 : (sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number);
  const truncatedCount = sorted.filter((n) => n > input.sequenceLength).length;
  const encodings = new Map<TextEncoding, { files: number; guessed: number }>();
  for (const f of input.files) {
    const e = encodings.get(f.encoding) ?? { files: 0, guessed: 0 };
    e.files++;
    if (f.guessed) e.guessed++;
    encodings.set(f.encoding, e);
  }
  return {
    sequenceLength: input.sequenceLength,
    truncating: input.truncating,
    truncatedCount,
    truncatedShare: sorted.length === 0 ? 0 : truncatedCount / sorted.length,
    median: at(0.5),
    coverLength: at(0.9),
    longest: sorted.at(-1) ?? 0,
    cap: input.cap,
    encodings: [...encodings.entries()].map(([encoding, n]) => ({ encoding, ...n })),
  };
}
