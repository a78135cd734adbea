import type { DatasetKind } from '../contract/host';

/**
 * Class discovery from a folder listing (ImageFolder / Keras convention):
 * the class of a file is the first segment of its relative path.
 *
 * Policy for nested subfolders: files in subfolders of a class folder belong
 * to that class (as torchvision `ImageFolder`, which walks the whole class
 * tree). Keras only looks one level deep; we include deeper files because
 * teachers often group photos by date inside a class folder.
 */

/** A file from a listing: no bytes read yet. */
export interface ListingEntry {
  /** Relative, `/`-separated, NFC. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** The kind of samples a dataset holds. */
export type { DatasetKind };

/** A file that may become a sample, with the class folder it sits in. */
export interface Candidate extends ListingEntry {
  readonly className: string;
}

/** What discovery found, before any file is read. */
export interface ClassDiscovery {
  /** Files with an accepted extension inside a class folder. */
  readonly candidates: readonly Candidate[];
  /** Class folder names (NFC, code-point sorted) that hold at least one candidate. */
  readonly classNames: readonly string[];
  /** Files lying directly in the root: not part of any class. */
  readonly rootFiles: readonly string[];
  /** Class folders without a single candidate file; left out of the classes. */
  readonly emptyClasses: readonly string[];
  /** Files inside class folders whose extension is not accepted for this kind. */
  readonly unsupported: readonly string[];
}

/** Extensions accepted for images (Keras list + webp), compared case-insensitively. */
export const imageExtensions: readonly string[] = [
  '.png',
  '.jpg',
  '.jpeg',
  '.bmp',
  '.gif',
  '.webp',
];
/** Only `.txt`, as Keras `text_dataset_from_directory`. */
export const textExtensions: readonly string[] = ['.txt'];

/**
 * Compares strings by Unicode code point, as Python's `sorted()` does, so that
 * class indices match torchvision and Keras. (JS `<` compares UTF-16 code
 * units, which orders astral characters such as emoji differently.)
 */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done === true) return y.done === true ? 0 : -1;
    if (y.done === true) return 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx - cy;
  }
}

/** Sorts names NFC-normalised by code point; duplicates after normalisation are merged. */
export function sortClassNames(names: Iterable<string>): string[] {
  return [...new Set([...names].map((n) => n.normalize('NFC')))].sort(compareCodePoints);
}

/** True when the file's extension is accepted for this dataset kind. */
export function hasAcceptedExtension(path: string, kind: DatasetKind): boolean {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return false;
  const ext = path.slice(dot).toLowerCase();
  return (kind === 'image' ? imageExtensions : textExtensions).includes(ext);
}

/**
 * Groups listed files into classes.
 * @param folders top-level folder names seen by the listing (so that empty
 *   class folders can be reported); files alone cannot reveal them.
 */
export function discoverClasses(
  files: readonly ListingEntry[],
  kind: DatasetKind,
  folders: readonly string[] = [],
): ClassDiscovery {
  const candidates: Candidate[] = [];
  const rootFiles: string[] = [];
  const unsupported: string[] = [];
  const seenFolders = new Set(folders.map((f) => f.normalize('NFC')));
  const withCandidates = new Set<string>();
  for (const file of files) {
    const path = file.path.normalize('NFC');
    const slash = path.indexOf('/');
    if (slash < 0) {
      rootFiles.push(path);
      continue;
    }
    const className = path.slice(0, slash);
    seenFolders.add(className);
    if (!hasAcceptedExtension(path, kind)) {
      unsupported.push(path);
      continue;
    }
    withCandidates.add(className);
    candidates.push({ path, size: file.size, mtimeMs: file.mtimeMs, className });
  }
  candidates.sort((a, b) => compareCodePoints(a.path, b.path));
  const classNames = sortClassNames(withCandidates);
  const emptyClasses = sortClassNames([...seenFolders].filter((f) => !withCandidates.has(f)));
  return {
    candidates,
    classNames,
    rootFiles: rootFiles.sort(compareCodePoints),
    emptyClasses,
    unsupported: unsupported.sort(compareCodePoints),
  };
}

const systemNames = new Set([
  '.ds_store',
  'thumbs.db',
  'desktop.ini',
  '__macosx',
  '$recycle.bin',
  'system volume information',
  'ehthumbs.db',
  '.spotlight-v100',
  '.trashes',
  '.fseventsd',
]);

/**
 * Why a file or folder name is ignored without being looked at, or null for a
 * normal entry: OS and archive litter (`.DS_Store`, `Thumbs.db`,
 * `desktop.ini`, `__MACOSX`, `._*` AppleDouble files…) is `system-file`;
 * other names starting with a dot are `hidden`.
 */
export function ignoredNameReason(name: string): 'system-file' | 'hidden' | null {
  if (systemNames.has(name.toLowerCase()) || name.startsWith('._')) return 'system-file';
  if (name.startsWith('.')) return 'hidden';
  return null;
}
