import { channelCount } from '@core';
import type { FileCheck } from '@core';

import type { FileBytes } from '@core';
import type { DecodeReply, DecodeRequest, DecodeTarget } from './decode-protocol';

/** Reads a batch of files of the dataset folder (the host's `readDatasetFiles`, or a stub in tests/bench). */
export type ReadFiles = (paths: readonly string[]) => Promise<readonly FileBytes[]>;

export interface DecodeFilesOptions {
  readonly signal?: AbortSignal;
  /** Most files per worker message; one host read per chunk. */
  readonly chunkSize?: number;
  /** Listed file sizes (same order as `paths`): a chunk also stops at `chunkBytes`, so big photos come in small batches. */
  readonly sizes?: readonly number[];
  readonly chunkBytes?: number;
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Receives each decoded sample (a view: copy it) with its index in `paths`. */
  readonly onSample: (index: number, pixels: Uint8Array) => void;
}

/**
 * Reads and decodes image files in parallel Web Workers. Reading the next
 * chunk overlaps decoding the previous ones (two chunks in flight per worker).
 * Chunks are large (hundreds of small files per host read and per worker
 * message: each `fetch` costs the page about a millisecond, whatever its size)
 * but bounded in bytes.
 * Cancelling terminates the workers at once, so it takes effect immediately.
 * Resolves to one check per path, in order.
 */
export async function decodeFiles(
  paths: readonly string[],
  readFiles: ReadFiles,
  target: DecodeTarget,
  options: DecodeFilesOptions,
): Promise<FileCheck[]> {
  const checks: FileCheck[] = new Array<FileCheck>(paths.length);
  if (paths.length === 0) return checks;
  const sampleBytes = target.width * target.height * channelCount(target.colorMode);
  const chunks = planChunks(
    paths.length,
    options.chunkSize ?? 512,
    options.sizes,
    options.chunkBytes ?? 16 * 1024 * 1024,
  );
  const workerCount = Math.max(
    1,
    Math.min(options.workers ?? navigator.hardwareConcurrency, chunks.length),
  );
  const workers = Array.from(
    { length: workerCount },
    () => new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' }),
  );
  let nextChunk = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const abort = (): void => reject(new DOMException('Decoding cancelled', 'AbortError'));
      if (options.signal?.aborted === true) return abort();
      options.signal?.addEventListener('abort', abort, { once: true });
      let active = 0;
      const run = async (worker: Worker): Promise<void> => {
        while (nextChunk < chunks.length && options.signal?.aborted !== true) {
          const [start, end] = chunks[nextChunk++] as [number, number];
          const chunk = paths.slice(start, end);
          active++;
          const read = await readFiles(chunk);
          const files: { path: string; bytes: Uint8Array }[] = [];
          const slots: number[] = [];
          read.forEach((f, k) => {
            if (f.ok) {
              files.push({ path: f.path, bytes: f.bytes });
              slots.push(start + k);
            } else
              checks[start + k] = {
                ok: false,
                reason: reasonForHostError(f.error.code),
                detail: f.error.message,
              };
          });
          const reply = await decodeOn(worker, { id: start, files, target });
          reply.checks.forEach((check, k) => {
            const index = slots[k] as number;
            checks[index] = check;
            if (check.ok)
              options.onSample(
                index,
                reply.pixels.subarray(k * sampleBytes, (k + 1) * sampleBytes),
              );
          });
          done += chunk.length;
          active--;
          options.onProgress?.(done, paths.length);
        }
        if (active === 0 && done >= paths.length) resolve();
      };
      for (const worker of workers) {
        worker.onerror = (event) => reject(new Error(event.message));
        for (let lane = 0; lane < 2; lane++) run(worker).catch(reject);
      }
    });
  } finally {
    for (const worker of workers) worker.terminate();
  }
  return checks;
}

/** Splits `count` files into [start, end) chunks of at most `maxFiles` files and (when sizes are known) `maxBytes` bytes, at least one file each. */
export function planChunks(
  count: number,
  maxFiles: number,
  sizes: readonly number[] | undefined,
  maxBytes: number,
): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  while (start < count) {
    let end = start + 1;
    let bytes = sizes?.[start] ?? 0;
    while (end < count && end - start < maxFiles) {
      bytes += sizes?.[end] ?? 0;
      if (bytes > maxBytes) break;
      end++;
    }
    chunks.push([start, end]);
    start = end;
  }
  return chunks;
}

/** One request/reply exchange; replies carry the request id so lanes sharing a worker do not mix. */
function decodeOn(worker: Worker, request: DecodeRequest): Promise<DecodeReply> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<DecodeReply>): void => {
      if (event.data.id !== request.id) return;
      worker.removeEventListener('message', onMessage);
      resolve(event.data);
    };
    worker.addEventListener('message', onMessage);
    // Files read together may share one buffer (one host response): transfer each buffer once.
    worker.postMessage(request, [
      ...new Set(request.files.map((f) => f.bytes.buffer as ArrayBuffer)),
    ]);
  });
}

function reasonForHostError(code: string): 'missing' | 'too-large' | 'unreadable' {
  if (code === 'not-found') return 'missing';
  if (code === 'too-large') return 'too-large';
  return 'unreadable';
}
