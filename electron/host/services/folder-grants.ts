import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import { HostFailure } from './host-error';
import { readJsonFile, writeJsonFile } from './json-file';
import { newOpaqueId } from './opaque-id';
import { grantEntrySchema, type GrantEntry } from './registry-files';

const maxGrants = 500;

/**
 * Folders the user chose (grantId → real root). The renderer addresses files
 * as (grantId, relative path) and never sends a path as authority. Grants
 * persist in the user-data folder so a reopened project finds its dataset.
 */
export class FolderGrants {
  private entries: GrantEntry[] | null = null;

  constructor(private readonly file: string) {}

  /** Records a folder the user picked; the same folder keeps its grant id. */
  async grant(chosenPath: string): Promise<{ grantId: string; root: string }> {
    const root = await realpath(chosenPath);
    if (!(await stat(root)).isDirectory()) {
      throw new HostFailure('invalid-argument', 'The chosen path is not a folder.', chosenPath);
    }
    const entries = await this.load();
    const existing = entries.find((entry) => entry.root === root);
    if (existing) return { grantId: existing.grantId, root };
    const entry = { grantId: newOpaqueId(), root };
    this.entries = [entry, ...entries].slice(0, maxGrants);
    await writeJsonFile(this.file, this.entries);
    return entry;
  }

  /** The real root of a grant; `not-found` for ids never granted (or forgotten). */
  async rootOf(grantId: string): Promise<string> {
    const entry = (await this.load()).find((candidate) => candidate.grantId === grantId);
    if (!entry)
      throw new HostFailure(
        'not-found',
        'This folder was not chosen in LayerLab (or the choice was forgotten). Choose it again.',
      );
    return entry.root;
  }

  /** Folder name and display path for a grant. */
  async describe(grantId: string): Promise<{ grantId: string; name: string; displayPath: string }> {
    const root = await this.rootOf(grantId);
    return { grantId, name: path.basename(root) || root, displayPath: root };
  }

  private async load(): Promise<GrantEntry[]> {
    this.entries ??= await readJsonFile(this.file, z.array(grantEntrySchema), []);
    return this.entries;
  }
}
