import { unzipSync } from 'fflate';

import { err, ok } from '../../../result';
import type { Result } from '../../../result';
import { decodeUtf8 } from '../../import/text-codec';
import type { NpyArray } from './npz';

/** Arrays above this many values are refused before they are copied (512 MB of float32). */
const maxValues = 2 ** 27;

/**
 * Reads one `.npy` (versions 1–3) holding little-endian float32, float64 or
 * int64 values in C order; float64 becomes float32 (what the network holds).
 * Returns an English reason for anything else (numpy/lib/format.py).
 */
export function decodeNpy(bytes: Uint8Array): Result<NpyArray, string> {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || magic.some((b, i) => bytes[i] !== b)) return err('not an .npy array');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6] ?? 0;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = (major === 1 ? 10 : 12) + headerLength;
  if (start > bytes.length) return err('the .npy header is cut off');
  const header = decodeUtf8(bytes.subarray(major === 1 ? 10 : 12, start));
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    return err('the .npy header cannot be read');
  if (fortran === 'True') return err('Fortran-ordered arrays are not supported');
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  if (shape.some((d) => !Number.isInteger(d) || d < 0)) return err('the .npy shape is invalid');
  const count = shape.reduce((a, b) => a * b, 1);
  if (count > maxValues) return err(`the array has ${count} values, more than ${maxValues}`);
  const width = { '<f4': 4, '<f8': 8, '<i8': 8 }[descr];
  if (width === undefined) return err(`values of type ${descr} are not supported`);
  if (bytes.length - start < count * width) return err('the .npy data is cut off');
  // Copy to an aligned buffer: an entry inside a zip starts at any byte.
  const data = new DataView(bytes.slice(start, start + count * width).buffer);
  if (descr === '<i8') {
    const values = new BigInt64Array(count);
    for (let i = 0; i < count; i++) values[i] = data.getBigInt64(i * 8, true);
    return ok({ dtype: 'int64', shape, values });
  }
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++)
    values[i] = width === 4 ? data.getFloat32(i * 4, true) : data.getFloat64(i * 8, true);
  return ok({ dtype: 'float32', shape, values });
}

/** Reads an `.npz` (zip of `<key>.npy`, stored or deflated, as `np.savez` / `np.savez_compressed` write). */
export function decodeNpz(bytes: Uint8Array): Result<Record<string, NpyArray>, string> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    return err(`not a readable .npz (zip) file: ${(error as Error).message}`);
  }
  const arrays: Record<string, NpyArray> = {};
  for (const [name, data] of Object.entries(entries)) {
    if (!name.endsWith('.npy')) continue;
    const array = decodeNpy(data);
    if (!array.ok) return err(`${name}: ${array.error}`);
    arrays[name.slice(0, -'.npy'.length)] = array.value;
  }
  return ok(arrays);
}
