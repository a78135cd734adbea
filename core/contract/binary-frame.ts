/**
 * The wire format for bytes (browser mode's loopback API, and the pixel cache
 * entries the renderer stores through the host): a little-endian uint32 header
 * length, a UTF-8 JSON header of at most `maxHeaderBytes`, then the payload.
 * Byte fields in the header are `{ offset, length }` into the payload, read
 * with `sliceRange`. Both ends (renderer/host/http-host.ts and
 * electron/host/server/api-routes.ts) use this one module.
 */

// core/ has no DOM lib, but TextEncoder/TextDecoder exist in Node, browsers and workers.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean },
) => { decode(bytes: Uint8Array): string };

export interface Frame {
  readonly header: unknown;
  readonly payload: Uint8Array;
}

export const maxHeaderBytes = 64 * 1024 * 1024;

/** Joins a JSON header and payload chunks into one frame. */
export function encodeFrame(header: unknown, chunks: readonly Uint8Array[]): Uint8Array {
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const payloadLength = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const out = new Uint8Array(4 + headerBytes.byteLength + payloadLength);
  new DataView(out.buffer).setUint32(0, headerBytes.byteLength, true);
  out.set(headerBytes, 4);
  let offset = 4 + headerBytes.byteLength;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Splits a frame; throws on a truncated or malformed one. */
export function decodeFrame(bytes: Uint8Array): Frame {
  if (bytes.byteLength < 4) throw new Error('frame too short');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(
    0,
    true,
  );
  if (headerLength > maxHeaderBytes || 4 + headerLength > bytes.byteLength)
    throw new Error('frame header length out of range');
  const header: unknown = JSON.parse(
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(4, 4 + headerLength)),
  );
  return { header, payload: bytes.subarray(4 + headerLength) };
}

/** A byte range inside a frame's payload. */
export interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

/** Reads `range` from `payload`, refusing ranges that do not fit. */
export function sliceRange(payload: Uint8Array, range: unknown): Uint8Array {
  if (typeof range !== 'object' || range === null) throw new Error('byte range missing');
  const { offset, length } = range as Partial<ByteRange>;
  if (
    !Number.isSafeInteger(offset) ||
    !Number.isSafeInteger(length) ||
    (offset as number) < 0 ||
    (length as number) < 0 ||
    (offset as number) + (length as number) > payload.byteLength
  ) {
    throw new Error('byte range out of bounds');
  }
  return payload.subarray(offset as number, (offset as number) + (length as number));
}
