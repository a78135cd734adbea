import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

import { maxImageFileBytes } from '../../core/data/index';
import { decodeImageNode } from './decode-image-node';
import { loadWebpDecoder } from './decode-more-formats';
import type { WebpDecode } from './decode-more-formats';
import type { TargetOptions } from './decode-image-node';
import type { DecodeReply, DecodeRequest } from './decode-protocol';

/**
 * Worker thread: reads and decodes a chunk of image files, replying with one
 * packed buffer of pixels (transferred, not copied) and per-file outcomes.
 */
parentPort?.on('message', (request: DecodeRequest) => {
  void loadWebpDecoder()
    .then((webp) => decodeChunk(request, webp))
    .then((reply) => parentPort?.postMessage(reply, [reply.pixels.buffer as ArrayBuffer]));
});

function decodeChunk(request: DecodeRequest, webp: WebpDecode): DecodeReply {
  const target: TargetOptions = request.target;
  const sampleBytes = request.sampleBytes;
  const pixels = new Uint8Array(request.paths.length * sampleBytes);
  const outcomes: DecodeReply['outcomes'] = [];
  for (let i = 0; i < request.paths.length; i++) {
    const rel = request.paths[i] as string;
    let bytes: Uint8Array | { tooLarge: number };
    try {
      bytes = readWhole(path.join(request.root, ...rel.split('/')));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      outcomes.push({
        ok: false,
        reason: code === 'ENOENT' ? 'missing' : 'unreadable',
        detail: code ?? 'read failed',
      });
      continue;
    }
    if ('tooLarge' in bytes) {
      outcomes.push({ ok: false, reason: 'too-large', detail: `${bytes.tooLarge} bytes` });
      continue;
    }
    const result = decodeImageNode(bytes, target, webp);
    if (result.ok) {
      pixels.set(result.pixels, i * sampleBytes);
      outcomes.push({ ok: true, hash: result.hash, width: result.width, height: result.height });
    } else
      outcomes.push(
        result.detail === undefined
          ? { ok: false, reason: result.reason }
          : { ok: false, reason: result.reason, detail: result.detail },
      );
  }
  return { id: request.id, pixels, outcomes };
}

/** Grown to the largest file read so far; files are decoded before the next read overwrites it. */
let scratch = Buffer.allocUnsafe(1 << 20);

/**
 * Reads a whole file into `scratch` (a view of it is returned). Synchronous:
 * this thread does nothing else, and it saves the thread-pool round trip per
 * small file; reading into one reused buffer saves `readFileSync`'s fstat and
 * a fresh allocation per file (both show in the profile of a 60k-file load).
 */
function readWhole(file: string): Uint8Array | { tooLarge: number } {
  // O_NONBLOCK: a FIFO swapped in after the scan fails to read (EAGAIN) instead of blocking this thread.
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    let length = 0;
    for (;;) {
      // Past the byte cap: stop reading (a huge file must not be pulled into memory).
      if (length > maxImageFileBytes) return { tooLarge: fstatSync(fd).size };
      if (length === scratch.length) {
        const grown = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(grown);
        scratch = grown;
      }
      const n = readSync(fd, scratch, length, scratch.length - length, null);
      if (n === 0) return scratch.subarray(0, length);
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}
