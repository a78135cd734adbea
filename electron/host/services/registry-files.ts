import path from 'node:path';

import { z } from 'zod';

import { settingValueSchema } from '../../../core/contract/request-schemas';

/**
 * Names of the files the host keeps in the user-data folder. One place, so
 * tests and the README can point at them.
 */
export function userDataFiles(userDataDir: string): {
  recent: string;
  grants: string;
  settings: string;
  recovery: string;
} {
  return {
    recent: path.join(userDataDir, 'recent-projects.json'),
    grants: path.join(userDataDir, 'folder-grants.json'),
    settings: path.join(userDataDir, 'settings.json'),
    // Unsaved projects and labs, and training checkpoints (recovery-store.ts).
    recovery: path.join(userDataDir, 'recovery'),
  };
}

export const opaqueIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const recentEntrySchema = z.object({
  fileId: opaqueIdSchema,
  path: z.string().min(1).max(4096),
  openedAt: z.string().max(64),
});
export type RecentEntry = z.infer<typeof recentEntrySchema>;

export const grantEntrySchema = z.object({
  grantId: opaqueIdSchema,
  root: z.string().min(1).max(4096),
});
export type GrantEntry = z.infer<typeof grantEntrySchema>;

export const settingsSchema = z.record(z.string().min(1).max(100), settingValueSchema);
