import { Unzlib, unzlibSync } from 'fflate';

/** Compressed streams up to this size inflate in one call: at most ~1032× (DEFLATE's limit), 16 MB, even if hostile. */
const oneCallBytes = 16 * 1024;

/**
 * Inflates a zlib stream that should hold `size` bytes, stopping with an
 * error as soon as it yields more (a PNG "bomb": a small file whose image
 * data inflates to gigabytes). fflate's one-call inflate into a buffer of
 * `size` stays within that memory but keeps inflating to the end (seconds of
 * CPU); streaming in 16 KB slices stops within one slice. Small streams (the
 * usual dataset image) take the one-call path, which is faster.
 */
export function inflateCapped(data: Uint8Array, size: number): Uint8Array {
  if (data.length <= oneCallBytes) return unzlibSync(data, { out: new Uint8Array(size) });
  const out = new Uint8Array(size);
  let length = 0;
  let read = 0;
  const stream = new Unzlib((chunk) => {
    if (length + chunk.length > size)
      throw new Error(
        `PNG image data is larger than its header says (${size} bytes; stopped after ${read} compressed bytes)`,
      );
    out.set(chunk, length);
    length += chunk.length;
  });
  for (let offset = 0; offset < data.length; offset += oneCallBytes) {
    const slice = data.subarray(offset, offset + oneCallBytes);
    read += slice.length;
    stream.push(slice, offset + oneCallBytes >= data.length);
  }
  return length === size ? out : out.subarray(0, length);
}
