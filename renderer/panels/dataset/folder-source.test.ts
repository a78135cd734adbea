import { describe, expect, it } from 'vitest';

import type { FileBytes, Host } from '@core';
import { readAllDatasetFiles } from './folder-source';

/** A host that answers at most `perCall` files per batch, as the real one does past its byte cap. */
function cappedHost(perCall: number): { host: Pick<Host, 'readDatasetFiles'>; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    host: {
      readDatasetFiles: async ({ paths }) => {
        calls.push([...paths]);
        const value: FileBytes[] = paths
          .slice(0, perCall)
          .map((path) => ({ path, ok: true, bytes: new TextEncoder().encode(path) }));
        return { ok: true, value };
      },
    },
  };
}

describe('readAllDatasetFiles', () => {
  it('asks again for the rest when the host answers a shorter batch (its byte cap)', async () => {
    const { host, calls } = cappedHost(2);
    const paths = ['a', 'b', 'c', 'd', 'e'];
    const read = await readAllDatasetFiles(host, 'g', paths);
    expect(read.map((r) => r.path)).toEqual(paths);
    expect(calls).toEqual([paths, ['c', 'd', 'e'], ['e']]);
  });

  it('never loops on an empty answer', async () => {
    const { host } = cappedHost(0);
    await expect(readAllDatasetFiles(host, 'g', ['a'])).rejects.toThrow(/no file/);
  });

  it('answers the remaining paths with the error of a failed call, or throws when asked to', async () => {
    let call = 0;
    const host: Pick<Host, 'readDatasetFiles'> = {
      readDatasetFiles: async ({ paths }) =>
        call++ === 0
          ? { ok: true, value: [{ path: paths[0] ?? '', ok: true, bytes: new Uint8Array(1) }] }
          : { ok: false, error: { code: 'io-error', message: 'gone' } },
    };
    const read = await readAllDatasetFiles(host, 'g', ['a', 'b', 'c']);
    expect(read.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'io-error', 'io-error']);
    call = 1;
    await expect(readAllDatasetFiles(host, 'g', ['a'], true)).rejects.toThrow('io-error: gone');
  });
});
