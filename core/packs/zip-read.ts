import { Inflate } from 'fflate';

import { err, ok, type Result } from '../result';
import { crc32 } from './crc32';
import { packError, type PackError } from './pack-errors';
import { packLimits } from './pack-limits';
import { decodeUtf8 } from './utf8';

/** The files of a zip: `/`-separated relative path → bytes. Directories are not listed. */
export type ZipFiles = ReadonlyMap<string, Uint8Array>;

/** Caps for one read (tests lower them; the defaults are `packLimits`). */
export interface ZipCaps {
  readonly maxFileBytes: number;
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxTotalBytes: number;
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

interface CentralEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
/** Compressed bytes pushed at a time: one slice inflates to at most ~16 MB (DEFLATE's ~1032×), so a bomb stops early. */
const SLICE = 16 * 1024;

/**
 * Reads a zip held in memory, refusing anything unsafe before it is used:
 * paths that climb out (`../`), absolute or drive paths, backslashes, symlinks
 * (Unix mode in the external attributes), encryption, ZIP64, duplicates,
 * truncation and damage (CRC), and zip bombs: every entry is inflated in
 * slices and stopped as soon as it yields more than it declared, more than
 * the per-file or total cap, or more than `maxRatio` times its compressed size.
 * It writes nothing anywhere and never throws.
 */
export function readZip(
  bytes: Uint8Array,
  caps: ZipCaps = packLimits,
): Result<ZipFiles, PackError> {
  if (bytes.length > caps.maxFileBytes)
    return err(
      packError('pack-too-large', `larger than ${caps.maxFileBytes} bytes`, {
        max: caps.maxFileBytes,
      }),
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) {
    const startsLikeZip = bytes.length >= 4 && view.getUint32(0, true) === LOCAL;
    return err(
      startsLikeZip
        ? packError('pack-truncated', 'the zip directory at the end of the file is missing')
        : packError('pack-not-zip', 'not a zip file'),
    );
  }
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    return err(packError('pack-zip64', 'ZIP64 archives are not supported'));
  if (count > caps.maxEntries)
    return err(
      packError('pack-too-many-files', `more than ${caps.maxEntries} files`, {
        max: caps.maxEntries,
      }),
    );
  if (cdOffset + cdSize > eocd)
    return err(packError('pack-truncated', 'the zip directory points past the end of the file'));

  const entries = readCentralDirectory(view, cdOffset, cdOffset + cdSize, count);
  if (!entries.ok) return entries;

  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries.value) {
    if (entry.name.endsWith('/')) continue;
    if (entry.size > caps.maxEntryBytes || total + entry.size > caps.maxTotalBytes)
      return err(bomb(entry.name, caps));
    const data = entryData(view, entry);
    if (!data.ok) return data;
    const inflated = inflateEntry(entry, data.value, caps, caps.maxTotalBytes - total);
    if (!inflated.ok) return inflated;
    if (crc32(inflated.value) !== entry.crc)
      return err(packError('pack-corrupt', `${entry.name} is damaged`, { path: entry.name }));
    total += inflated.value.length;
    files.set(entry.name, inflated.value);
  }
  return ok(files);
}

function bomb(name: string, caps: ZipCaps): PackError {
  return packError('pack-zip-bomb', `${name} inflates beyond the caps`, {
    path: name,
    maxMegabytes: Math.round(caps.maxTotalBytes / (1024 * 1024)),
  });
}

/** The end-of-central-directory record, searched backwards over a comment of up to 64 KB. */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

function readCentralDirectory(
  view: DataView,
  start: number,
  end: number,
  count: number,
): Result<CentralEntry[], PackError> {
  const entries: CentralEntry[] = [];
  const seen = new Set<string>();
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL)
      return err(packError('pack-corrupt', 'the zip directory is damaged', { path: '' }));
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const external = view.getUint32(at + 38, true);
    const localOffset = view.getUint32(at + 42, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > end)
      return err(packError('pack-corrupt', 'the zip directory is damaged', { path: '' }));
    const name = decodeUtf8(new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength));
    if (name === null)
      return err(packError('pack-unsafe-path', 'a file name is not UTF-8', { path: '?' }));
    const shown = name.slice(0, 200);
    if (!isSafeRelativePath(name))
      return err(packError('pack-unsafe-path', `unsafe path ${shown}`, { path: shown }));
    if (madeBy === UNIX && ((external >>> 16) & S_IFMT) === S_IFLNK)
      return err(packError('pack-symlink', `${shown} is a symbolic link`, { path: shown }));
    if (flags & 1)
      return err(packError('pack-encrypted', `${shown} is encrypted`, { path: shown }));
    if (method !== 0 && method !== 8)
      return err(
        packError('pack-unsupported-compression', `${shown} uses compression ${method}`, {
          path: shown,
          method,
        }),
      );
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff)
      return err(packError('pack-zip64', 'ZIP64 archives are not supported'));
    // Case-folded, so two names that are one file on Windows/macOS are refused too.
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key))
      return err(packError('pack-duplicate-path', `${shown} appears twice`, { path: shown }));
    seen.add(key);
    entries.push({ name: name.normalize('NFC'), method, crc, compressedSize, size, localOffset });
    at = nameEnd + extraLength + commentLength;
  }
  return ok(entries);
}

/**
 * True for a path that stays inside the folder it is read into: relative,
 * `/`-separated, no `.`/`..`/empty segments, no drive letter, no control
 * characters. A trailing `/` (a directory entry) is allowed.
 */
export function isSafeRelativePath(name: string): boolean {
  if (name.length === 0 || name.length > 512) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\:]/.test(name)) return false;
  if (name.startsWith('/')) return false;
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
}

function entryData(view: DataView, entry: CentralEntry): Result<Uint8Array, PackError> {
  const at = entry.localOffset;
  if (at + 30 > view.byteLength)
    return err(packError('pack-truncated', `${entry.name} is cut short`, { path: entry.name }));
  if (view.getUint32(at, true) !== LOCAL)
    return err(packError('pack-corrupt', `${entry.name} is damaged`, { path: entry.name }));
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > view.byteLength)
    return err(packError('pack-truncated', `${entry.name} is cut short`, { path: entry.name }));
  return ok(new Uint8Array(view.buffer, view.byteOffset + start, entry.compressedSize));
}

/** Inflates one entry in slices, stopping at the first byte over any cap. */
function inflateEntry(
  entry: CentralEntry,
  data: Uint8Array,
  caps: ZipCaps,
  totalLeft: number,
): Result<Uint8Array, PackError> {
  if (entry.method === 0) {
    if (data.length !== entry.size)
      return err(packError('pack-corrupt', `${entry.name} is damaged`, { path: entry.name }));
    return ok(data.slice());
  }
  const limit = Math.min(entry.size, caps.maxEntryBytes, totalLeft);
  const out = new Uint8Array(limit);
  let length = 0;
  let over = false;
  const stream = new Inflate((chunk) => {
    if (over) return;
    const ratioExceeded =
      length + chunk.length > caps.ratioFloorBytes &&
      length + chunk.length > caps.maxRatio * Math.max(1, data.length);
    if (length + chunk.length > limit || ratioExceeded) {
      over = true;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let offset = 0; offset < data.length && !over; offset += SLICE)
      stream.push(data.subarray(offset, offset + SLICE), offset + SLICE >= data.length);
  } catch {
    return err(packError('pack-corrupt', `${entry.name} is damaged`, { path: entry.name }));
  }
  // More than it declared, than a cap allows, or than its ratio allows: a bomb either way.
  if (over) return err(bomb(entry.name, caps));
  if (length !== entry.size)
    return err(packError('pack-corrupt', `${entry.name} is damaged`, { path: entry.name }));
  return ok(out);
}
