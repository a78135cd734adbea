import { describe, expect, it } from 'vitest';

import { listTemplates } from '../app/templates';
import { commands } from '../state/commands';
import { collectResources, flattenCatalog, supportedLanguages, type Catalog } from './resources';

/**
 * Every UI string key used in renderer source exists in both catalogs, and the
 * zh-CN and en catalogs of every namespace have the same keys.
 */
const catalogs = import.meta.glob('./locales/*/*.json', { eager: true, import: 'default' });
const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  eager: true,
  query: '?raw',
  import: 'default',
}) as Record<string, string>;
const resources = collectResources(catalogs);
const namespaces = [
  ...new Set(supportedLanguages.flatMap((lng) => Object.keys(resources[lng] ?? {}))),
];

/** Keys of one language, plural suffixes folded onto the base key (`errors_other` → `errors`). */
function keysOf(lng: string): Set<string> {
  const keys = new Set<string>();
  for (const [ns, catalog] of Object.entries(resources[lng] ?? {})) {
    for (const key of flattenCatalog(catalog as Catalog)) {
      keys.add(`${ns}:${key}`);
      keys.add(`${ns}:${key.replace(/_(zero|one|two|few|many|other)$/, '')}`);
    }
  }
  return keys;
}

/** Literal keys in source: any quoted `namespace:path` whose namespace has a catalog. */
function keysUsedInSource(): Map<string, string> {
  const used = new Map<string, string>();
  const pattern = /['"`]([a-zA-Z][\w-]*):([\w-]+(?:\.[\w-]+)+|[\w-]+)['"`]/g;
  for (const [file, text] of Object.entries(sources)) {
    for (const match of text.matchAll(pattern)) {
      const [, ns, key] = match as unknown as [string, string, string];
      if (namespaces.includes(ns)) used.set(`${ns}:${key}`, file);
    }
  }
  return used;
}

describe('i18n catalogs', () => {
  it('finds the catalogs and the source files', () => {
    expect(namespaces).toEqual(expect.arrayContaining(['app', 'editor']));
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  it.each(supportedLanguages)('has every key used in source in %s', (lng) => {
    const keys = keysOf(lng);
    const used = keysUsedInSource();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used]
      .filter(([key]) => !keys.has(key))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it.each(namespaces)('has the same keys in zh-CN and en for namespace %s', (ns) => {
    const strip = (keys: string[]): string[] =>
      [...new Set(keys.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
    const zh = strip(flattenCatalog((resources['zh-CN']?.[ns] ?? {}) as Catalog));
    const en = strip(flattenCatalog((resources.en?.[ns] ?? {}) as Catalog));
    expect(zh).toEqual(en);
  });

  it.each(supportedLanguages)('has a label for every command in %s', (lng) => {
    const keys = keysOf(lng);
    expect(commands.map((c) => c.labelKey).filter((k) => !keys.has(k))).toEqual([]);
  });

  it.each(supportedLanguages)(
    'has names for built keys (themes, menus, host errors, templates) in %s',
    (lng) => {
      const keys = keysOf(lng);
      const built = [
        ...['system', 'light', 'dark'].map((t) => `app:prefs.themes.${t}`),
        ...['file', 'edit', 'view', 'train'].map((g) => `app:menu.${g}`),
        ...[
          'not-found',
          'permission-denied',
          'outside-grant',
          'too-large',
          'no-space',
          'io-error',
          'disconnected',
          'unknown',
        ].map((c) => `app:hostErrors.${c}`),
        ...['empty', 'tooLong', 'duplicate', 'invalid'].map(
          (p) => `editor:inspector.nameProblems.${p}`,
        ),
        ...['error', 'warning', 'info'].map((s) => `editor:problems.severity.${s}`),
        ...['up', 'down', 'left', 'right'].map((d) => `editor:aria.directions.${d}`),
      ];
      expect(built.filter((k) => !keys.has(k))).toEqual([]);
    },
  );

  it.each(supportedLanguages)('names and describes every shipped template in %s', (lng) => {
    const keys = keysOf(lng);
    const ids = listTemplates().map((t) => t.id);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const missing = ids
      .flatMap((id) => [`app:templates.${id}.name`, `app:templates.${id}.description`])
      .filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
  });

  it('has no empty translations', () => {
    const empty: string[] = [];
    const walk = (c: Catalog, path: string): void => {
      for (const [k, v] of Object.entries(c)) {
        if (typeof v === 'string') {
          if (v.trim() === '') empty.push(`${path}.${k}`);
        } else walk(v, `${path}.${k}`);
      }
    };
    for (const lng of supportedLanguages)
      for (const [ns, c] of Object.entries(resources[lng] ?? {}))
        walk(c as Catalog, `${lng}/${ns}`);
    expect(empty).toEqual([]);
  });
});
