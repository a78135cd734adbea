/// <reference lib="webworker" />
import { channelCount } from '@core';

import { decodeImageInBrowser } from './decode-image-browser';
import type { DecodeReply, DecodeRequest } from './decode-protocol';

/**
 * Web Worker: decodes a chunk of files, a few at a time (createImageBitmap is
 * asynchronous, so overlapping calls keep the decoder busy), and replies with
 * one packed pixel buffer, transferred.
 */
const concurrency = 4;
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<DecodeRequest>) => {
  void decodeChunk(event.data).then((reply) =>
    scope.postMessage(reply, [reply.pixels.buffer as ArrayBuffer]),
  );
};

async function decodeChunk(request: DecodeRequest): Promise<DecodeReply> {
  const { target } = request;
  const sampleBytes = target.width * target.height * channelCount(target.colorMode);
  const pixels = new Uint8Array(request.files.length * sampleBytes);
  const checks: DecodeReply['checks'][number][] = new Array(request.files.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < request.files.length) {
      const k = next++;
      const file = request.files[k];
      if (file === undefined) continue;
      checks[k] = await decodeImageInBrowser(
        file.bytes,
        target,
        pixels.subarray(k * sampleBytes, (k + 1) * sampleBytes),
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { id: request.id, pixels, checks };
}
