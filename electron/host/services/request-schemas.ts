import { z } from 'zod';

import { HostFailure } from './host-error';
import { maxRelativePathLength } from './safe-path';
import { settingValueSchema } from './registry-files';
import { maxPixelCacheEntryBytes, pixelCacheKeyPattern } from './pixel-cache-store';

/**
 * The shapes of every host request, checked at the trust boundary (IPC and
 * HTTP) before a service runs. Objects are strict (no extra keys), strings
 * and arrays are bounded, and prototype-polluting keys are refused anywhere.
 */

export const maxProjectChars = 64 * 1024 * 1024;
export const maxExportBytes = 1024 * 1024 * 1024;
const maxNameChars = 255;
const maxPathChars = 4096;

const handle = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected an opaque handle');
const name = z.string().min(1).max(maxNameChars);

export const requestSchemas = {
  getAppInfo: z.strictObject({}),
  openProject: z.strictObject({ recentFileId: handle.optional() }),
  openLaunchProject: z.strictObject({}),
  saveProject: z.strictObject({
    fileId: handle.nullable(),
    suggestedName: name,
    contents: z.string().max(maxProjectChars),
    saveAs: z.boolean(),
  }),
  getRecentProjects: z.strictObject({}),
  pickDatasetFolder: z.strictObject({ kind: z.enum(['image', 'text']) }),
  listDatasetFolder: z.strictObject({ grantId: handle, scanId: handle.optional() }),
  datasetScanProgress: z.strictObject({ scanId: handle }),
  cancelDatasetScan: z.strictObject({ scanId: handle }),
  grantDroppedFolder: z.strictObject({ path: z.string().min(1).max(maxPathChars) }),
  readDatasetFiles: z.strictObject({
    grantId: handle,
    paths: z.array(z.string().min(1).max(maxRelativePathLength)).max(10_000),
  }),
  writeExportFolder: z
    .strictObject({
      suggestedName: name,
      files: z.record(
        z.string().min(1).max(maxPathChars),
        z.union([z.string(), z.instanceof(Uint8Array)]),
      ),
      overwrite: z.boolean(),
    })
    .refine((request) => Object.keys(request.files).length <= 10_000, 'at most 10000 files')
    .refine((request) => totalBytes(request.files) <= maxExportBytes, 'export larger than 1 GiB'),
  getSettings: z.strictObject({}),
  updateSettings: z
    .record(z.string().min(1).max(100), settingValueSchema)
    .refine((patch) => Object.keys(patch).length <= 200, 'at most 200 settings'),
  browse: z.strictObject({ path: z.string().max(maxPathChars).optional() }),
  readPixelCache: z.strictObject({ key: z.string().regex(pixelCacheKeyPattern) }),
  // One part of an entry (transports send big entries in parts; see pixel-cache-store.ts).
  writePixelCache: z.strictObject({
    key: z.string().regex(pixelCacheKeyPattern),
    bytes: z
      .instanceof(Uint8Array)
      .refine((b) => b.byteLength <= maxPixelCacheEntryBytes, 'pixel cache entry too large'),
    offset: z.number().int().min(0).max(maxPixelCacheEntryBytes),
    total: z.number().int().min(0).max(maxPixelCacheEntryBytes),
  }),
} as const;

export type HostMethodName = keyof typeof requestSchemas;
export type HostRequest<M extends HostMethodName> = z.infer<(typeof requestSchemas)[M]>;

/** A chooser answer sent by the in-app chooser (browser mode): an absolute path. */
export const chosenPathSchema = z.string().min(1).max(maxPathChars);

function totalBytes(files: Readonly<Record<string, string | Uint8Array>>): number {
  let total = 0;
  for (const value of Object.values(files))
    total += typeof value === 'string' ? value.length * 3 : value.byteLength;
  return total;
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Refuses `__proto__`/`constructor`/`prototype` keys at any depth (zod records silently drop `__proto__`). */
export function assertNoForbiddenKeys(value: unknown, depth = 0): void {
  if (depth > 16) throw new HostFailure('invalid-argument', 'The request is nested too deeply.');
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return;
  if (Array.isArray(value)) {
    if (value.length > 100_000)
      throw new HostFailure('invalid-argument', 'The request holds too many items.');
    for (const item of value) assertNoForbiddenKeys(item, depth + 1);
    return;
  }
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key))
      throw new HostFailure('invalid-argument', `The key "${key}" is not allowed.`);
    assertNoForbiddenKeys((value as Record<string, unknown>)[key], depth + 1);
  }
}

/** Validates a raw request; throws `invalid-argument` with the first problem named. */
export function parseRequest<M extends HostMethodName>(method: M, raw: unknown): HostRequest<M> {
  assertNoForbiddenKeys(raw);
  const parsed = requestSchemas[method].safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue && issue.path.length > 0
        ? ` at "${issue.path.map(String).join('.').slice(0, 80)}"`
        : '';
    throw new HostFailure(
      'invalid-argument',
      `Invalid request for ${method}${where}: ${(issue?.message ?? 'invalid').slice(0, 200)}.`,
    );
  }
  return parsed.data as HostRequest<M>;
}
