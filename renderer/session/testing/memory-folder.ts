import type { FolderSource } from '../../panels/dataset/folder-source';

const encoder = new TextEncoder();

/**
 * A dataset folder held in memory (`class/file.txt` → text), read through the
 * same `FolderSource` seam as a host folder: for tests of text datasets, which
 * need no decode workers and so run in Node.
 */
export function memoryTextFolder(
  name: string,
  files: Readonly<Record<string, string>>,
): FolderSource {
  const displayPath = `/data/${name}`;
  return {
    grant: { grantId: `grant-${name}`, name, displayPath },
    list: () =>
      Promise.resolve({
        ok: true,
        contents: {
          folderId: displayPath,
          files: Object.entries(files).map(([path, text]) => ({
            path,
            size: encoder.encode(text).length,
            mtimeMs: 0,
          })),
          ignored: [],
        },
      }),
    readFiles: (paths) =>
      Promise.resolve(
        paths.map((path) => {
          const text = files[path];
          return text === undefined
            ? { path, ok: false as const, error: { code: 'not-found', message: path } }
            : { path, ok: true as const, bytes: encoder.encode(text) };
        }),
      ),
  };
}
