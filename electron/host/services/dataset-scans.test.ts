import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AppInfo, HostResult } from '../../../core/contract/host';
import { listFolder } from './dataset-listing';
import { DatasetScans } from './dataset-scans';
import { createHostServices, type ChoosePath } from './host-services';

/**
 * Scan progress and cancel through the host services, as the renderer uses
 * them (one long `listDatasetFolder` call with a scan id, short polling and
 * cancel calls beside it): counts grow while the walk runs, and a cancel stops
 * the walk within the folder it is in and answers `cancelled`.
 */
const appInfo: AppInfo = {
  name: 'LayerLab',
  version: '0.1.0',
  mode: 'browser',
  platform: 'linux',
  locale: 'en',
  nativeDialogs: false,
};
const classes = 20;
const perClass = 150;

let base: string;
let root: string;

beforeAll(async () => {
  base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'layerlab-scans-')));
  root = path.join(base, 'data');
  for (let c = 0; c < classes; c++) {
    const dir = path.join(root, `class-${String(c).padStart(2, '0')}`);
    await mkdir(dir, { recursive: true });
    await Promise.all(
      Array.from({ length: perClass }, (_, i) => writeFile(path.join(dir, `${i}.png`), '')),
    );
  }
});
afterAll(() => rm(base, { recursive: true, force: true }));

function expectOk<T>(result: HostResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function grantedServices() {
  const services = createHostServices({ userDataDir: path.join(base, 'user-data'), appInfo });
  const choose: ChoosePath = async () => root;
  const grant = expectOk(await services.pickDatasetFolder({ kind: 'image' }, choose));
  return { services, grantId: grant.grantId, choose };
}

describe('dataset scans through the host services', () => {
  it('reports growing counts while a scan runs, and nothing once it has answered', async () => {
    const { services, grantId, choose } = await grantedServices();
    const scanId = 'scan-progress-1';
    let answered = false;
    const listing = services.listDatasetFolder({ grantId, scanId }, choose).finally(() => {
      answered = true;
    });
    const seen: number[] = [];
    while (!answered) {
      const progress = expectOk(await services.datasetScanProgress({ scanId }, choose));
      if (progress.running) seen.push(progress.filesFound);
      await nextTurn();
    }
    expect(expectOk(await listing).files).toHaveLength(classes * perClass);
    const distinct = [...new Set(seen)];
    expect(distinct.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(Math.max(...seen)).toBeLessThanOrEqual(classes * perClass);
    expect(expectOk(await services.datasetScanProgress({ scanId }, choose))).toEqual({
      filesFound: 0,
      running: false,
    });
  });

  it('a cancelled scan answers `cancelled`; a cancel that arrives first stops it at once', async () => {
    const { services, grantId, choose } = await grantedServices();
    const scanId = 'scan-cancel-1';
    const listing = services.listDatasetFolder({ grantId, scanId }, choose);
    while (expectOk(await services.datasetScanProgress({ scanId }, choose)).filesFound === 0)
      await nextTurn();
    expectOk(await services.cancelDatasetScan({ scanId }, choose));
    const result = await listing;
    expect(result.ok ? 'ok' : result.error.code).toBe('cancelled');

    // Two calls may be reordered by a transport: the cancel is remembered for the scan.
    expectOk(await services.cancelDatasetScan({ scanId: 'scan-cancel-2' }, choose));
    const early = await services.listDatasetFolder({ grantId, scanId: 'scan-cancel-2' }, choose);
    expect(early.ok ? 'ok' : early.error.code).toBe('cancelled');
    // Without a scan id a listing is as before, and scan ids are checked like every handle.
    expect(expectOk(await services.listDatasetFolder({ grantId }, choose)).files).toHaveLength(
      classes * perClass,
    );
    const bad = await services.cancelDatasetScan({ scanId: '../x' }, choose);
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid-argument');
  });
});

describe('DatasetScans over the listing', () => {
  it('stops the walk within the folder it is in', async () => {
    const scans = new DatasetScans();
    const handle = scans.start('scan-walk-1');
    const seen: number[] = [];
    const walk = listFolder(root, {
      signal: handle.signal,
      progressEvery: 1,
      onProgress: (n) => {
        handle.onProgress(n);
        seen.push(n);
      },
    });
    while (scans.progress('scan-walk-1').filesFound < perClass) await nextTurn();
    const atCancel = scans.progress('scan-walk-1').filesFound;
    scans.cancel('scan-walk-1');
    await expect(walk).rejects.toMatchObject({ name: 'AbortError' });
    handle.finish();
    // At most the rest of the current folder's stat batch is counted after the cancel.
    expect(Math.max(...seen) - atCancel).toBeLessThan(perClass);
    expect(Math.max(...seen)).toBeLessThan(classes * perClass);
    expect(scans.progress('scan-walk-1')).toEqual({ filesFound: 0, running: false });
  });
});
