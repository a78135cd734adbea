import { chmod, mkdir, open, stat } from 'node:fs/promises';
import path from 'node:path';

import type {
  AppInfo,
  AppSettings,
  BrowseListing,
  ChooserRequest,
  ExportWritten,
  FileBytes,
  FolderGrant,
  FolderListing,
  HostResult,
  OpenedDocument,
  OpenedProject,
  ProjectFile,
  RecentProject,
  RecoveredEntry,
  RecoveryListing,
} from '../../../core/contract/host';
import { writeFileAtomically } from './atomic-write';
import { browseFolder } from './browse';
import { ChooserChoices } from './chooser-choices';
import { readFilesInside } from './dataset-files';
import { listFolder } from './dataset-listing';
import { DatasetScans } from './dataset-scans';
import type { ScanProgress } from './dataset-scans';
import { createPixelCacheStore } from './pixel-cache-store';
import { writeExportFolder } from './export-writer';
import { FolderGrants } from './folder-grants';
import { errnoOf, HostFailure, settle } from './host-error';
import { ProjectRegistry } from './project-registry';
import { userDataFiles } from './registry-files';
import {
  maxDocumentBytes,
  maxProjectChars,
  type HostMethodName,
} from '../../../core/contract/request-schemas';
import { documentKindOf } from '../../../core/contract/document-kind';
import { chromiumPdfPrinter, type PrintPdf } from './chromium-pdf';
import { parseRequest } from './parse-request';
import { createRecoveryStore } from './recovery-store';
import { SettingsStore } from './settings-store';

/** The project file extension (electron-builder registers it as a file association). */
export const projectExtension = '.layerlab';

/**
 * Asks the user for a path: a native dialog in Electron, the in-app chooser
 * in browser mode (whose answer arrives with the request). `null` = cancelled.
 */
export type ChoosePath = (request: ChooserRequest) => Promise<string | null>;

export interface HostServicesOptions {
  readonly userDataDir: string;
  readonly appInfo: AppInfo;
  /** Hands out (once) the project path the app was launched with, if any. */
  readonly takeLaunchFile?: () => string | null;
  /** Browser mode's record of in-app chooser picks (shared with the API routes). */
  readonly choices?: ChooserChoices;
  /** Prints HTML to PDF: Electron's `printToPDF`; by default a Chromium found on this machine. */
  readonly printPdf?: PrintPdf;
}

/** Host services: the same Node code behind IPC (Electron) and HTTP (browser mode). */
export type HostServices = ReturnType<typeof createHostServices>;

/**
 * Builds the services over one user-data folder. Every method validates its
 * raw argument (`invalid-argument` on anything malformed, before any side
 * effect) and resolves to a `HostResult`; nothing rejects.
 */
export function createHostServices(options: HostServicesOptions) {
  const files = userDataFiles(options.userDataDir);
  const projects = new ProjectRegistry(files.recent);
  const grants = new FolderGrants(files.grants);
  const settings = new SettingsStore(files.settings);
  const scans = new DatasetScans();
  const choices = options.choices ?? new ChooserChoices(options.userDataDir);
  // The profile folder (grants, settings, recent projects, pixel cache) is the user's only.
  const ready = mkdir(options.userDataDir, { recursive: true, mode: 0o700 }).then(() =>
    chmod(options.userDataDir, 0o700).catch(() => undefined),
  );
  const pixelCache = createPixelCacheStore(path.join(options.userDataDir, 'pixel-cache'));
  const recovery = createRecoveryStore(files.recovery);
  const printPdf = options.printPdf ?? chromiumPdfPrinter();

  /** A project joins the recent list and gets a grant; a package or submission comes as bytes. */
  async function openDocumentAt(filePath: string): Promise<OpenedDocument> {
    const bytes = await readDocumentBytes(filePath);
    const kind = documentKindOf(path.basename(filePath), bytes.subarray(0, 512));
    if (kind === 'project') {
      if (bytes.byteLength > maxProjectChars)
        throw new HostFailure(
          'too-large',
          'The project file is too large to be a LayerLab project.',
          filePath,
        );
      const contents = projectTextOf(bytes, filePath);
      const file = await projects.touch(filePath);
      return {
        kind,
        project: { fileId: file.fileId, name: file.name, displayPath: file.displayPath, contents },
      };
    }
    return { kind, name: path.basename(filePath), displayPath: filePath, bytes };
  }

  async function choose(chooser: ChoosePath, request: ChooserRequest): Promise<string> {
    const chosen = await chooser(request);
    if (chosen === null) throw new HostFailure('cancelled', 'Cancelled by the user.');
    if (!path.isAbsolute(chosen) || chosen.includes('\0'))
      throw new HostFailure(
        'invalid-argument',
        'The chosen path must be absolute.',
        chosen.slice(0, 200),
      );
    return path.normalize(chosen);
  }

  const methods = {
    getAppInfo: async (raw: unknown, _chooser?: ChoosePath): Promise<HostResult<AppInfo>> =>
      settle(() => {
        parseRequest('getAppInfo', raw);
        return options.appInfo;
      }),

    openProject: async (raw: unknown, chooser: ChoosePath): Promise<HostResult<OpenedProject>> =>
      settle(async () => {
        const request = parseRequest('openProject', raw);
        await ready;
        const filePath =
          request.recentFileId !== undefined
            ? await projects.pathOf(request.recentFileId)
            : await choose(chooser, { purpose: 'open-project' });
        let contents: string;
        try {
          contents = await readProjectText(filePath);
        } catch (error) {
          if (request.recentFileId !== undefined && errnoOf(error) === 'ENOENT')
            await projects.forget(request.recentFileId);
          throw error;
        }
        const file = await projects.touch(filePath);
        return { fileId: file.fileId, name: file.name, displayPath: file.displayPath, contents };
      }),

    openLaunchProject: async (
      raw: unknown,
      _chooser?: ChoosePath,
    ): Promise<HostResult<OpenedProject | null>> =>
      settle(async () => {
        parseRequest('openLaunchProject', raw);
        await ready;
        const filePath = options.takeLaunchFile?.() ?? null;
        if (filePath === null) return null;
        const contents = await readProjectText(filePath);
        const file = await projects.touch(filePath);
        return { fileId: file.fileId, name: file.name, displayPath: file.displayPath, contents };
      }),

    openDocument: async (
      raw: unknown,
      chooser: ChoosePath,
    ): Promise<HostResult<OpenedDocument | null>> =>
      settle(async () => {
        const request = parseRequest('openDocument', raw);
        await ready;
        const filePath =
          request.from === 'launch'
            ? (options.takeLaunchFile?.() ?? null)
            : await choose(chooser, { purpose: 'open-document' });
        return filePath === null ? null : openDocumentAt(filePath);
      }),

    printPdf: async (raw: unknown, _chooser?: ChoosePath): Promise<HostResult<Uint8Array>> =>
      settle(async () => printPdf(parseRequest('printPdf', raw).html)),

    saveProject: async (raw: unknown, chooser: ChoosePath): Promise<HostResult<ProjectFile>> =>
      settle(async () => {
        const request = parseRequest('saveProject', raw);
        await ready;
        let filePath: string;
        if (request.fileId !== null && !request.saveAs) {
          filePath = await projects.pathOf(request.fileId);
        } else {
          filePath = withProjectExtension(
            await choose(chooser, {
              purpose: 'save-project',
              suggestedName: request.suggestedName,
            }),
          );
        }
        await writeFileAtomically(filePath, request.contents);
        const file = await projects.touch(filePath);
        return { fileId: file.fileId, name: file.name, displayPath: file.displayPath };
      }),

    getRecentProjects: async (
      raw: unknown,
      _chooser?: ChoosePath,
    ): Promise<HostResult<readonly RecentProject[]>> =>
      settle(async () => {
        parseRequest('getRecentProjects', raw);
        return projects.list();
      }),

    pickDatasetFolder: async (
      raw: unknown,
      chooser: ChoosePath,
    ): Promise<HostResult<FolderGrant>> =>
      settle(async () => {
        parseRequest('pickDatasetFolder', raw);
        await ready;
        const chosen = await choose(chooser, { purpose: 'dataset-folder' });
        const { grantId } = await grants.grant(chosen);
        return grants.describe(grantId);
      }),

    // IPC only: the preload derives `path` from a real dropped File; the HTTP API does not route it.
    grantDroppedFolder: async (
      raw: unknown,
      _chooser?: ChoosePath,
    ): Promise<HostResult<FolderGrant>> =>
      settle(async () => {
        const request = parseRequest('grantDroppedFolder', raw);
        if (!path.isAbsolute(request.path) || request.path.includes('\0')) {
          throw new HostFailure('invalid-argument', 'A dropped folder needs an absolute path.');
        }
        await ready;
        const { grantId } = await grants.grant(request.path);
        return grants.describe(grantId);
      }),

    listDatasetFolder: async (
      raw: unknown,
      _chooser?: ChoosePath,
    ): Promise<HostResult<FolderListing>> =>
      settle(async () => {
        const request = parseRequest('listDatasetFolder', raw);
        const grant = await grants.describe(request.grantId);
        // With a scan id the scan reports progress and can be cancelled (dataset-scans.ts).
        const scan = request.scanId === undefined ? null : scans.start(request.scanId);
        try {
          const {
            files: listed,
            skipped,
            folders,
          } = await listFolder(await grants.rootOf(request.grantId), {
            ...(scan === null
              ? {}
              : { signal: scan.signal, onProgress: scan.onProgress, progressEvery: 50 }),
          });
          return { grant, files: listed, skipped, folders };
        } catch (error) {
          if (scan?.signal.aborted === true)
            throw new HostFailure('cancelled', 'The folder scan was cancelled.');
          throw error;
        } finally {
          scan?.finish();
        }
      }),

    datasetScanProgress: async (
      raw: unknown,
      _chooser?: ChoosePath,
    ): Promise<HostResult<ScanProgress>> =>
      settle(() => scans.progress(parseRequest('datasetScanProgress', raw).scanId)),

    cancelDatasetScan: async (raw: unknown, _chooser?: ChoosePath): Promise<HostResult<void>> =>
      settle(() => {
        scans.cancel(parseRequest('cancelDatasetScan', raw).scanId);
      }),

    readDatasetFiles: async (
      raw: unknown,
      _chooser?: ChoosePath,
    ): Promise<HostResult<readonly FileBytes[]>> =>
      settle(async () => {
        const request = parseRequest('readDatasetFiles', raw);
        return readFilesInside(await grants.rootOf(request.grantId), request.paths);
      }),

    writeExportFolder: async (
      raw: unknown,
      chooser: ChoosePath,
    ): Promise<HostResult<ExportWritten>> =>
      settle(async () => {
        const request = parseRequest('writeExportFolder', raw);
        const parentDir = await choose(chooser, { purpose: 'export-parent' });
        return writeExportFolder({
          parentDir,
          suggestedName: request.suggestedName,
          files: request.files,
          overwrite: request.overwrite,
        });
      }),

    getSettings: async (raw: unknown, _chooser?: ChoosePath): Promise<HostResult<AppSettings>> =>
      settle(async () => {
        parseRequest('getSettings', raw);
        return settings.get();
      }),

    updateSettings: async (raw: unknown, _chooser?: ChoosePath): Promise<HostResult<AppSettings>> =>
      settle(async () => {
        const patch = parseRequest('updateSettings', raw);
        await ready;
        return settings.update(patch);
      }),

    browse: async (raw: unknown, _chooser?: ChoosePath): Promise<HostResult<BrowseListing>> =>
      settle(async () => {
        const request = parseRequest('browse', raw);
        const listing = await browseFolder(request.path);
        choices.noteBrowsed(listing.path);
        return listing;
      }),

    // Browser mode: the in-app chooser's pick, checked and recorded; calls then carry the id.
    chooserPick: async (
      raw: unknown,
      _chooser?: ChoosePath,
    ): Promise<HostResult<{ choiceId: string }>> =>
      settle(async () => {
        const request = parseRequest('chooserPick', raw);
        return { choiceId: await choices.pick(request.purpose, request.path) };
      }),

    createFolder: async (
      raw: unknown,
      _chooser?: ChoosePath,
    ): Promise<HostResult<{ path: string }>> =>
      settle(async () => {
        const request = parseRequest('createFolder', raw);
        return { path: await choices.createFolder(request.parent, request.name) };
      }),

    readPixelCache: async (
      raw: unknown,
      _chooser?: ChoosePath,
    ): Promise<HostResult<Uint8Array | null>> =>
      settle(async () => pixelCache.read(parseRequest('readPixelCache', raw).key)),

    writePixelCache: async (raw: unknown, _chooser?: ChoosePath): Promise<HostResult<void>> =>
      settle(async () => {
        const request = parseRequest('writePixelCache', raw);
        await pixelCache.write(request.key, request.bytes, request.offset, request.total);
      }),

    writeRecovery: async (raw: unknown, _chooser?: ChoosePath): Promise<HostResult<void>> =>
      settle(async () => {
        const request = parseRequest('writeRecovery', raw);
        await ready;
        await recovery.write(request);
      }),

    listRecovery: async (
      raw: unknown,
      _chooser?: ChoosePath,
    ): Promise<HostResult<RecoveryListing>> =>
      settle(async () => {
        parseRequest('listRecovery', raw);
        await ready;
        return recovery.list();
      }),

    readRecovery: async (
      raw: unknown,
      _chooser?: ChoosePath,
    ): Promise<HostResult<RecoveredEntry>> =>
      settle(async () => {
        const request = parseRequest('readRecovery', raw);
        await ready;
        return recovery.read(request.sessionId);
      }),

    discardRecovery: async (raw: unknown, _chooser?: ChoosePath): Promise<HostResult<void>> =>
      settle(async () => {
        const request = parseRequest('discardRecovery', raw);
        await ready;
        await recovery.discard(request.sessionId, request.slot);
      }),
  } satisfies Record<
    HostMethodName,
    (raw: unknown, chooser: ChoosePath) => Promise<HostResult<unknown>>
  >;

  return methods;
}

/** Methods that show a chooser (native dialog or in-app) before doing their work. */
export const choosingMethods: readonly HostMethodName[] = [
  'openProject',
  'openDocument',
  'saveProject',
  'pickDatasetFolder',
  'writeExportFolder',
];

function withProjectExtension(filePath: string): string {
  return filePath.toLowerCase().endsWith(projectExtension)
    ? filePath
    : `${filePath}${projectExtension}`;
}

/** A document's bytes, refusing a folder or anything over `maxDocumentBytes` before reading. */
async function readDocumentBytes(filePath: string): Promise<Uint8Array> {
  const info = await stat(filePath);
  if (!info.isFile()) throw new HostFailure('invalid-argument', 'This is not a file.', filePath);
  if (info.size > maxDocumentBytes)
    throw new HostFailure('too-large', 'The file is too large for LayerLab to open.', filePath);
  const handle = await open(filePath, 'r');
  try {
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

async function readProjectText(filePath: string): Promise<string> {
  const info = await stat(filePath);
  if (!info.isFile()) throw new HostFailure('invalid-argument', 'This is not a file.', filePath);
  if (info.size > maxProjectChars)
    throw new HostFailure(
      'too-large',
      'The project file is too large to be a LayerLab project.',
      filePath,
    );
  const handle = await open(filePath, 'r');
  try {
    return projectTextOf(await handle.readFile(), filePath);
  } finally {
    await handle.close();
  }
}

function projectTextOf(bytes: Uint8Array, filePath: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HostFailure(
      'invalid-argument',
      'The file is not text, so it is not a LayerLab project.',
      filePath,
    );
  }
}
