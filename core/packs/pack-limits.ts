/**
 * The caps a package must stay under. A reader checks them while it reads
 * (never trusting the sizes a zip declares), so a hostile file costs at most
 * these many bytes of memory and a bounded amount of CPU.
 */
export const packLimits = {
  /** The package file itself. */
  maxFileBytes: 64 * 1024 * 1024,
  /** Files inside (directories not counted). */
  maxEntries: 2_000,
  /** One file, inflated. */
  maxEntryBytes: 32 * 1024 * 1024,
  /** All files together, inflated: the zip-bomb cap on total size. */
  maxTotalBytes: 96 * 1024 * 1024,
  /** Inflated ÷ compressed size of one file, checked once it passes `ratioFloorBytes`. */
  maxRatio: 200,
  /** Below this many inflated bytes a high ratio is harmless (a page of repeated text). */
  ratioFloorBytes: 1024 * 1024,
  /** An embedded dataset, all its files together (the licence text included). */
  maxDatasetBytes: 20 * 1024 * 1024,
  /** `manifest.json` and `answers.json`, in characters. */
  maxManifestChars: 2 * 1024 * 1024,
  /** Steps in one package. */
  maxSteps: 50,
  /** A submission file, in characters. */
  maxSubmissionChars: 80 * 1024 * 1024,
} as const;
