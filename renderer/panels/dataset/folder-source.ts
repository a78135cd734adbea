import type { FolderContents } from '../../data/load-dataset';
import type { ReadFiles } from '../../data/decode-pool';
import type { FileBytes, FolderGrant, Host } from '@core';

/** How a scan is watched: aborting stops it; `onProgress` gets the files found so far. */
export interface ListOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (filesFound: number) => void;
}

/** A folder source: a host grant, or a folder dropped on the window (browser only, not re-openable). */
export interface FolderSource {
  readonly grant: FolderGrant;
  list(
    options?: ListOptions,
  ): Promise<{ ok: true; contents: FolderContents } | { ok: false; code: string }>;
  readonly readFiles: ReadFiles;
}

/** How often a running scan is asked for its count (coarse progress, cheap on both transports). */
export const scanPollMs = 250;

export function hostFolderSource(host: Host, grant: FolderGrant): FolderSource {
  return {
    grant,
    async list(options = {}) {
      const { signal, onProgress } = options;
      if (signal?.aborted === true) return { ok: false, code: 'cancelled' };
      // The host scan is one call; its id lets two short calls watch it and stop it.
      const scanId = crypto.randomUUID();
      let finished = false;
      const poll =
        onProgress === undefined
          ? null
          : setInterval(() => {
              void host.datasetScanProgress({ scanId }).then((r) => {
                if (!finished && r.ok && r.value.running) onProgress(r.value.filesFound);
              });
            }, scanPollMs);
      const cancel = (): void => void host.cancelDatasetScan({ scanId });
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        const listed = await host.listDatasetFolder({ grantId: grant.grantId, scanId });
        if (!listed.ok) return { ok: false, code: listed.error.code };
        const { files, skipped, folders } = listed.value;
        return {
          ok: true,
          contents: {
            folderId: grant.displayPath,
            files,
            ignored: skipped,
            ...(folders === undefined ? {} : { folders }),
          },
        };
      } finally {
        finished = true;
        if (poll !== null) clearInterval(poll);
        signal?.removeEventListener('abort', cancel);
      }
    },
    readFiles: (paths) => readAllDatasetFiles(host, grant.grantId, paths),
  };
}

/**
 * Every file of `paths`, one entry each in order. The host answers a batch
 * with fewer entries once it has returned its byte cap (64 MB; the first file
 * always comes): the rest are asked for again until all have arrived. A failed
 * call answers its remaining paths with its error, or throws with `throwOnFailure`.
 */
export async function readAllDatasetFiles(
  host: Pick<Host, 'readDatasetFiles'>,
  grantId: string,
  paths: readonly string[],
  throwOnFailure = false,
): Promise<FileBytes[]> {
  const out: FileBytes[] = [];
  while (out.length < paths.length) {
    const rest = paths.slice(out.length);
    const read = await host.readDatasetFiles({ grantId, paths: rest });
    if (!read.ok && throwOnFailure) throw new Error(`${read.error.code}: ${read.error.message}`);
    if (!read.ok)
      return [...out, ...rest.map((path) => ({ path, ok: false as const, error: read.error }))];
    if (read.value.length === 0)
      throw new Error(
        'The host answered a file batch with no file; it should always send the first.',
      );
    out.push(...read.value.slice(0, rest.length));
  }
  return out;
}
