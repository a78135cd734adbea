import { z } from 'zod';

import type { HostResult } from './host';

/**
 * The shapes of every host request, checked at the trust boundary (IPC and
 * HTTP) before a service runs. Objects are strict (no extra keys), strings
 * and arrays are bounded, and prototype-polluting keys are refused anywhere.
 * The limits below are the host's; the renderer may read them to refuse early.
 */

export const maxProjectChars = 64 * 1024 * 1024;
export const maxExportBytes = 1024 * 1024 * 1024;
/** Longest relative path inside a granted folder (Windows' long-path limit is 32k; 4k is plenty). */
export const maxRelativePathLength = 4096;
/** Pixel cache entry names: a 16-hex-digit hash, a dash, a decimal count. */
export const pixelCacheKeyPattern = /^[0-9a-f]{16}-[0-9]{1,15}$/;
/** Largest single pixel cache entry (a 60k-image RGB folder at 64×64 is ~740 MB). */
export const maxPixelCacheEntryBytes = 1024 * 1024 * 1024;
/** Largest lab package or submission File → Open reads (`packLimits.maxFileBytes`; submissions carry trained models). */
export const maxDocumentBytes = 96 * 1024 * 1024;
/** Largest page `printPdf` prints (a worksheet with its images inlined). */
export const maxPrintHtmlChars = 16 * 1024 * 1024;
/** Largest part of a recovery entry (a project document, or a checkpoint of trained weights). */
export const maxRecoveryChars = maxProjectChars;
/** All recovery entries together, on disk; a write beyond it is refused (`too-large`). */
export const recoveryBudgetBytes = 512 * 1024 * 1024;
const maxNameChars = 255;
const maxPathChars = 4096;

const handle = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'expected an opaque handle');
const name = z.string().min(1).max(maxNameChars);
const recoverySlot = z.enum(['document', 'checkpoint']);

/** One stored preference value (`SettingValue`). */
export const settingValueSchema = z.union([
  z.string().max(10_000),
  z.number().finite(),
  z.boolean(),
  z.null(),
]);

export const requestSchemas = {
  getAppInfo: z.strictObject({}),
  openProject: z.strictObject({ recentFileId: handle.optional() }),
  openLaunchProject: z.strictObject({}),
  openDocument: z.strictObject({ from: z.enum(['chooser', 'launch']) }),
  printPdf: z.strictObject({ html: z.string().min(1).max(maxPrintHtmlChars) }),
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
  // Browser mode's in-app chooser: the user's pick, recorded by the server as a one-use choice id.
  chooserPick: z.strictObject({
    purpose: z.enum([
      'open-project',
      'open-document',
      'save-project',
      'dataset-folder',
      'export-parent',
    ]),
    path: z.string().min(1).max(maxPathChars),
  }),
  // "New folder" in the in-app chooser, inside the folder it shows.
  createFolder: z.strictObject({
    parent: z.string().min(1).max(maxPathChars),
    name: z.string().min(1).max(maxNameChars),
  }),
  readPixelCache: z.strictObject({ key: z.string().regex(pixelCacheKeyPattern) }),
  // One part of an entry (transports send big entries in parts of `pixelCachePartBytes`).
  writePixelCache: z.strictObject({
    key: z.string().regex(pixelCacheKeyPattern),
    bytes: z
      .instanceof(Uint8Array)
      .refine((b) => b.byteLength <= maxPixelCacheEntryBytes, 'pixel cache entry too large'),
    offset: z.number().int().min(0).max(maxPixelCacheEntryBytes),
    total: z.number().int().min(0).max(maxPixelCacheEntryBytes),
  }),
  writeRecovery: z.strictObject({
    sessionId: handle,
    slot: recoverySlot,
    kind: z.enum(['project', 'lab']),
    title: z.string().max(maxNameChars),
    file: z
      .strictObject({ fileId: handle, name, displayPath: z.string().max(maxPathChars) })
      .nullable(),
    contents: z.string().max(maxRecoveryChars),
  }),
  listRecovery: z.strictObject({}),
  readRecovery: z.strictObject({ sessionId: handle }),
  discardRecovery: z.strictObject({ sessionId: handle, slot: recoverySlot.optional() }),
} as const;

export type HostMethodName = keyof typeof requestSchemas;
export type HostRequest<M extends HostMethodName> = z.infer<(typeof requestSchemas)[M]>;

/** A chooser answer sent with a host call (browser mode): the id `chooserPick` answered. */
export const choiceIdSchema = handle;

function totalBytes(files: Readonly<Record<string, string | Uint8Array>>): number {
  let total = 0;
  for (const value of Object.values(files))
    total += typeof value === 'string' ? value.length * 3 : value.byteLength;
  return total;
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Why `value` may not cross the boundary: a `__proto__`/`constructor`/`prototype`
 * key at any depth (zod records silently drop `__proto__`), too deep a nesting
 * or too long an array; null when it may.
 */
export function forbiddenKeyProblem(value: unknown, depth = 0): string | null {
  if (depth > 16) return 'The request is nested too deeply.';
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return null;
  if (Array.isArray(value)) {
    if (value.length > 100_000) return 'The request holds too many items.';
    for (const item of value) {
      const problem = forbiddenKeyProblem(item, depth + 1);
      if (problem !== null) return problem;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) return `The key "${key}" is not allowed.`;
    const problem = forbiddenKeyProblem((value as Record<string, unknown>)[key], depth + 1);
    if (problem !== null) return problem;
  }
  return null;
}

/** Validates a raw request; an `invalid-argument` error names the first problem. */
export function checkRequest<M extends HostMethodName>(
  method: M,
  raw: unknown,
): HostResult<HostRequest<M>> {
  const forbidden = forbiddenKeyProblem(raw);
  if (forbidden !== null)
    return { ok: false, error: { code: 'invalid-argument', message: forbidden } };
  const parsed = requestSchemas[method].safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue && issue.path.length > 0
        ? ` at "${issue.path.map(String).join('.').slice(0, 80)}"`
        : '';
    return {
      ok: false,
      error: {
        code: 'invalid-argument',
        message: `Invalid request for ${method}${where}: ${(issue?.message ?? 'invalid').slice(0, 200)}.`,
      },
    };
  }
  return { ok: true, value: parsed.data as HostRequest<M> };
}
