import { zipSync, type Zippable } from 'fflate';

import { ANSWERS_PATH, MANIFEST_PATH } from './read-pack';
import { encodeUtf8 } from './utf8';
import type { AnswerKeys, PackManifest } from './pack-manifest';

/** What a package is written from: the manifest, the files its steps name, the keys, and any other files. */
export interface PackContents {
  readonly manifest: PackManifest;
  /** Relative path → text (step lab and project files, licence texts) or bytes (images, data). */
  readonly files: Readonly<Record<string, string | Uint8Array>>;
  readonly answers: AnswerKeys;
}

/** A fixed time for every entry, so the same contents give the same bytes. */
const entryTime = new Date('2026-01-01T00:00:00Z');

/** The bytes of a `.layerlab-pack` file (a zip; documented in core/packs/README.md). */
export function writePack(contents: PackContents): Uint8Array {
  const entries: Zippable = {};
  const add = (path: string, data: string | Uint8Array) => {
    entries[path] = [typeof data === 'string' ? encodeUtf8(data) : data, { mtime: entryTime }];
  };
  add(MANIFEST_PATH, `${JSON.stringify(contents.manifest, null, 2)}\n`);
  add(
    ANSWERS_PATH,
    `${JSON.stringify({ format: 'layerlab-pack-answers', keys: contents.answers }, null, 2)}\n`,
  );
  for (const [path, data] of Object.entries(contents.files)) add(path, data);
  return zipSync(entries, { level: 6 });
}
