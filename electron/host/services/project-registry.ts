import path from 'node:path';

import { z } from 'zod';

import type { RecentProject } from '../../../core/contract/host';
import { HostFailure } from './host-error';
import { readJsonFile, writeJsonFile } from './json-file';
import { newOpaqueId } from './opaque-id';
import { recentEntrySchema, type RecentEntry } from './registry-files';

const maxRecent = 12;

/**
 * Project files the user opened or saved (fileId → path), and the recent
 * list persisted in the user-data folder. A fileId is a handle, never a path.
 */
export class ProjectRegistry {
  private recent: RecentEntry[] | null = null;
  private readonly session = new Map<string, string>();

  constructor(private readonly file: string) {}

  /** The path behind a fileId handed out this session or listed as recent. */
  async pathOf(fileId: string): Promise<string> {
    const fromSession = this.session.get(fileId);
    if (fromSession !== undefined) return fromSession;
    const entry = (await this.load()).find((candidate) => candidate.fileId === fileId);
    if (!entry)
      throw new HostFailure('not-found', 'Unknown project handle: open or save the project again.');
    return entry.path;
  }

  /** Records that `filePath` was opened or saved now; returns its handle. */
  async touch(filePath: string): Promise<RecentProject> {
    const entries = await this.load();
    const existing = entries.find((entry) => entry.path === filePath);
    const fileId =
      existing?.fileId ?? [...this.session].find(([, p]) => p === filePath)?.[0] ?? newOpaqueId();
    const entry: RecentEntry = { fileId, path: filePath, openedAt: new Date().toISOString() };
    this.session.set(fileId, filePath);
    this.recent = [entry, ...entries.filter((candidate) => candidate.path !== filePath)].slice(
      0,
      maxRecent,
    );
    await writeJsonFile(this.file, this.recent);
    return describeRecent(entry);
  }

  /** Most recent first. */
  async list(): Promise<RecentProject[]> {
    return (await this.load()).map(describeRecent);
  }

  /** Drops an entry whose file has gone (so the start screen stops offering it). */
  async forget(fileId: string): Promise<void> {
    const entries = await this.load();
    this.recent = entries.filter((entry) => entry.fileId !== fileId);
    this.session.delete(fileId);
    await writeJsonFile(this.file, this.recent);
  }

  private async load(): Promise<RecentEntry[]> {
    this.recent ??= await readJsonFile(this.file, z.array(recentEntrySchema), []);
    return this.recent;
  }
}

function describeRecent(entry: RecentEntry): RecentProject {
  return {
    fileId: entry.fileId,
    name: path.basename(entry.path),
    displayPath: entry.path,
    openedAt: entry.openedAt,
  };
}
