/**
 * From a listing and per-file checks to a dataset plan: the usable samples in
 * a stable order, the class→index map, the split and the health report.
 *
 * Flow (see README.md): listing → `discoverClasses` → the host reads bytes and
 * runs `inspectImageBytes` / `inspectTextBytes` per candidate → `planDataset`.
 */
import { compareCodePoints, sortClassNames } from './class-discovery';
import type { ClassDiscovery, DatasetKind } from './class-discovery';
import {
  defaultHealthThresholds,
  findIssues,
  lengthDistribution,
  sizeDistribution,
  textIssues,
  textLengthReport,
} from './health-report';
import type { HealthReport, HealthThresholds, IgnoredEntry, SkippedFile } from './health-report';
import type { ImageInspection, SkipReason, TextInspection } from './inspect-file';
import { splitFromValidationPaths, stratifiedSplit } from './split';
import type { TextEncoding } from './text-decoding';
import type { SplitIndices } from './split';

/** The outcome of reading one candidate file. */
export type FileCheck =
  | Pick<Extract<ImageInspection, { ok: true }>, 'ok' | 'hash' | 'width' | 'height'>
  | TextInspection
  | { readonly ok: false; readonly reason: SkipReason; readonly detail?: string };

/** One usable sample. For text in `lines` mode, one file gives several samples. */
export interface PlannedSample {
  /** Stable id: the relative path, or `path#n` for line n (1-based) of a lines-mode file. */
  readonly key: string;
  readonly path: string;
  readonly classIndex: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly width?: number;
  readonly height?: number;
  /** Text samples only. */
  readonly text?: string;
}

export interface SplitSettings {
  readonly seed: number;
  readonly validationShare: number;
  /** A split stored in the project; when given it is re-applied instead of drawing a new one. */
  readonly validationPaths?: readonly string[] | undefined;
}

export interface DatasetPlan {
  readonly kind: DatasetKind;
  /** Index order: code-point sorted, NFC; only classes with usable samples. */
  readonly classNames: readonly string[];
  /** Sorted by key (code point). */
  readonly samples: readonly PlannedSample[];
  /** `labels[i]` = `samples[i].classIndex`. */
  readonly labels: Int32Array;
  readonly split: SplitIndices;
  /** Keys of the validation samples, to store in the project (`DatasetConfig.split.validationPaths`). */
  readonly validationKeys: readonly string[];
  readonly report: HealthReport;
}

export interface PlanInput {
  readonly kind: DatasetKind;
  readonly discovery: ClassDiscovery;
  /** Outcome per candidate path; a candidate without an entry counts as `unreadable`. */
  readonly checks: ReadonlyMap<string, FileCheck>;
  /** Entries the listing ignored (system files, links), for the report. */
  readonly ignored?: readonly IgnoredEntry[];
  readonly split: SplitSettings;
  /** Text in `lines` mode: sample keys are `path#line`. */
  readonly linesMode?: boolean;
  /** Text only: counts tokens per sample for the length distribution. */
  readonly countTokens?: (text: string) => number;
  /**
   * Text only: the sequence length and cut end the samples will be shaped
   * with, and the memory cap if it shortened a default length; the report then
   * says how many texts are cut (`HealthReport.text`).
   */
  readonly sequence?: {
    readonly length: number;
    readonly truncating: 'pre' | 'post';
    readonly cap?: number | null;
  };
  readonly thresholds?: HealthThresholds;
}

/** Builds the plan; never throws for bad data: problems end up in `report`. */
export function planDataset(input: PlanInput): DatasetPlan {
  const { discovery, checks } = input;
  const skipped: SkippedFile[] = discovery.unsupported.map((path) => ({
    path,
    reason: 'unsupported-type',
  }));
  const usable: Omit<PlannedSample, 'classIndex'>[] = [];
  const classOf = new Map<string, string>();
  const hashes = new Map<string, string[]>();
  const decodedFiles: { encoding: TextEncoding; guessed: boolean }[] = [];
  for (const c of discovery.candidates) {
    const check = checks.get(c.path) ?? { ok: false, reason: 'unreadable' as const };
    if (!check.ok) {
      skipped.push({
        path: c.path,
        reason: check.reason,
        ...(check.detail === undefined ? {} : { detail: check.detail }),
      });
      continue;
    }
    classOf.set(c.path, c.className);
    const group = hashes.get(check.hash);
    if (group === undefined) hashes.set(check.hash, [c.path]);
    else group.push(c.path);
    const base = { path: c.path, size: c.size, mtimeMs: c.mtimeMs };
    if ('texts' in check) {
      decodedFiles.push({ encoding: check.encoding, guessed: check.guessed });
      check.texts.forEach((text, i) =>
        usable.push({
          ...base,
          key: input.linesMode === true ? `${c.path}#${i + 1}` : c.path,
          text,
        }),
      );
    } else {
      usable.push({ ...base, key: c.path, width: check.width, height: check.height });
    }
  }
  usable.sort((a, b) => compareCodePoints(a.key, b.key));
  const classNames = sortClassNames(usable.map((s) => classOf.get(s.path) as string));
  const indexOf = new Map(classNames.map((n, i) => [n, i]));
  const samples: PlannedSample[] = usable.map((s) => ({
    ...s,
    classIndex: indexOf.get(classOf.get(s.path) as string) as number,
  }));
  const labels = Int32Array.from(samples, (s) => s.classIndex);
  const split =
    input.split.validationPaths !== undefined
      ? splitFromValidationPaths(
          samples.map((s) => s.key),
          input.split.validationPaths,
        )
      : stratifiedSplit(labels, input.split);
  const validationKeys = split.validation.map((i) => (samples[i] as PlannedSample).key);

  const inValidation = new Set(split.validation);
  const classes = classNames.map((name, ci) => {
    let count = 0;
    let validationCount = 0;
    samples.forEach((s, i) => {
      if (s.classIndex !== ci) return;
      count++;
      if (inValidation.has(i)) validationCount++;
    });
    return { name, count, trainCount: count - validationCount, validationCount };
  });
  const emptyClasses = sortClassNames([
    ...discovery.emptyClasses,
    ...discovery.classNames.filter((n) => !indexOf.has(n)),
  ]);
  const duplicates = [...hashes.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort(compareCodePoints));
  const duplicateClasses = duplicates.map((g) => new Set(g.map((p) => classOf.get(p))).size > 1);
  const ignored = input.ignored ?? [];
  const parts = {
    classes,
    usableCount: samples.length,
    skipped,
    ignored,
    emptyClasses,
    rootFiles: discovery.rootFiles,
    duplicates,
  };
  const totalFiles =
    discovery.candidates.length + discovery.unsupported.length + discovery.rootFiles.length;
  const countTokens = input.countTokens ?? ((t: string) => [...t].length);
  const lengths = input.kind === 'text' ? samples.map((s) => countTokens(s.text ?? '')) : [];
  const distribution =
    input.kind === 'image'
      ? sizeDistribution(samples.map((s) => ({ width: s.width ?? 0, height: s.height ?? 0 })))
      : lengthDistribution(lengths);
  const text =
    input.kind === 'text' && input.sequence !== undefined && samples.length > 0
      ? textLengthReport({
          lengths,
          sequenceLength: input.sequence.length,
          truncating: input.sequence.truncating,
          cap: input.sequence.cap ?? null,
          files: decodedFiles,
        })
      : undefined;
  const issues = [
    ...findIssues(
      { ...parts, totalFiles, duplicateClasses },
      input.thresholds ?? defaultHealthThresholds,
    ),
    ...(text === undefined ? [] : textIssues(text)),
  ];
  const report: HealthReport = {
    kind: input.kind,
    ...parts,
    distribution,
    ...(text === undefined ? {} : { text }),
    issues,
  };
  return { kind: input.kind, classNames, samples, labels, split, validationKeys, report };
}
