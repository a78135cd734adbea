import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

import { decodeImageNode } from './decode-image-node';
import type { TargetOptions } from './decode-image-node';
import type { DecodeReply, DecodeRequest } from './decode-protocol';

/**
 * Worker thread: reads and decodes a chunk of image files, replying with one
 * packed buffer of pixels (transferred, not copied) and per-file outcomes.
 */
parentPort?.on('message', (request: DecodeRequest) => {
  void decodeChunk(request).then((reply) =>
    parentPort?.postMessage(reply, [reply.pixels.buffer as ArrayBuffer]),
  );
});

function decodeChunk(request: DecodeRequest): Promise<DecodeReply> {
  const target: TargetOptions = request.target;
  const sampleBytes = request.sampleBytes;
  const pixels = new Uint8Array(request.paths.length * sampleBytes);
  const outcomes: DecodeReply['outcomes'] = [];
  for (let i = 0; i < request.paths.length; i++) {
    const rel = request.paths[i] as string;
    let bytes: Uint8Array;
    try {
      // Synchronous: this thread does nothing else, and it saves the thread-pool round trips per small file.
      bytes = readFileSync(path.join(request.root, ...rel.split('/')));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      outcomes.push({
        ok: false,
        reason: code === 'ENOENT' ? 'missing' : 'unreadable',
        detail: code ?? 'read failed',
      });
      continue;
    }
    const result = decodeImageNode(bytes, target);
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
  return Promise.resolve({ id: request.id, pixels, outcomes });
}
