/**
 * The loopback wire format for file bytes (browser mode): a little-endian
 * uint32 header length, a UTF-8 JSON header, then the payload. Mirrors
 * `electron/server/binary-frame.ts` (the renderer cannot import electron/).
 */

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
export function decodeFrame(bytes: Uint8Array): { header: unknown; payload: Uint8Array } {
  if (bytes.byteLength < 4) throw new Error('frame too short');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(
    0,
    true,
  );
  if (4 + headerLength > bytes.byteLength) throw new Error('frame header length out of range');
  const header: unknown = JSON.parse(
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(4, 4 + headerLength)),
  );
  return { header, payload: bytes.subarray(4 + headerLength) };
}
