import type { AppSettings } from '../../../core/contract/host';
import { readJsonFile, writeJsonFile } from './json-file';
import { settingsSchema } from './registry-files';

/** User preferences as one small JSON file in the user-data folder. */
export class SettingsStore {
  private settings: Record<string, AppSettings[string]> | null = null;

  constructor(private readonly file: string) {}

  async get(): Promise<AppSettings> {
    this.settings ??= { ...(await readJsonFile(this.file, settingsSchema, {})) };
    return { ...this.settings };
  }

  /** Merges `patch`; a `null` value removes the key. */
  async update(patch: AppSettings): Promise<AppSettings> {
    const next: Record<string, AppSettings[string]> = { ...(await this.get()) };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete next[key];
      else next[key] = value;
    }
    await writeJsonFile(this.file, next);
    this.settings = next;
    return { ...next };
  }
}
