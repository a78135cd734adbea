import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { AppInfo } from '../../../core/contract/host';

/**
 * The OS locale as BCP 47, from the POSIX variables (`zh_CN.UTF-8` → `zh-CN`)
 * or, failing those, the JS runtime's default.
 */
export function osLocale(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value && value !== 'C' && value !== 'POSIX' && !value.startsWith('C.')) {
      const tag = value.split('.')[0]?.split('@')[0]?.replace('_', '-');
      if (tag) return tag;
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().locale;
}

/** AppInfo for browser mode (no native dialogs: the UI shows its own chooser). */
export function browserAppInfo(repoRoot: string, locale: string = osLocale()): AppInfo {
  let version = '0.0.0';
  try {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    if (typeof pkg.version === 'string') version = pkg.version;
  } catch {
    // A missing package.json only costs the version string.
  }
  return {
    name: 'LayerLab',
    version,
    mode: 'browser',
    platform: process.platform,
    locale,
    nativeDialogs: false,
  };
}
