import { zipSync } from 'fflate';

import { encodeUtf8 } from '../../import/text-codec';

/** One array for an `.npz`: float32 values, or an int64 scalar (BatchNorm's `num_batches_tracked`). */
export type NpyArray =
  | { readonly dtype: 'float32'; readonly shape: readonly number[]; readonly values: Float32Array }
  | { readonly dtype: 'int64'; readonly shape: readonly number[]; readonly values: BigInt64Array };

const descr = { float32: '<f4', int64: '<i8' } as const;

/**
 * One array in NumPy's `.npy` format, version 1.0: magic `\x93NUMPY`, version
 * bytes, a little-endian uint16 header length, a Python-dict header padded
 * with spaces and a newline so the data starts on a 64-byte boundary, then the
 * raw little-endian values in C order.
 * See numpy/lib/format.py (`_write_array_header`).
 */
export function encodeNpy(array: NpyArray): Uint8Array {
  const dims = array.shape.length === 1 ? `${array.shape[0]},` : array.shape.join(', ');
  let header = `{'descr': '${descr[array.dtype]}', 'fortran_order': False, 'shape': (${dims}), }`;
  const preamble = 10; // magic (6) + version (2) + header length (2)
  const padded = Math.ceil((preamble + header.length + 1) / 64) * 64;
  header = header + ' '.repeat(padded - preamble - header.length - 1) + '\n';
  const headerBytes = encodeUtf8(header);
  const data = new Uint8Array(
    array.values.buffer,
    array.values.byteOffset,
    array.values.byteLength,
  );
  const out = new Uint8Array(preamble + headerBytes.byteLength + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, headerBytes.byteLength, true);
  out.set(headerBytes, preamble);
  // Typed arrays use the platform's byte order; every platform TF.js runs on is little-endian, as is '<f4'.
  out.set(data, preamble + headerBytes.byteLength);
  return out;
}

/** An `.npz` (a zip of `<key>.npy` entries, stored uncompressed like `np.savez`), readable with `np.load`. */
export function encodeNpz(arrays: Readonly<Record<string, NpyArray>>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [key, array] of Object.entries(arrays)) entries[`${key}.npy`] = encodeNpy(array);
  return zipSync(entries, { level: 0, mtime: new Date(1980, 0, 1) });
}
