/**
 * Builds i18next resources from the per-namespace catalogs
 * `locales/<lng>/<namespace>.json`. Each feature area owns its namespace
 * files; this module just collects whatever exists.
 */
export const supportedLanguages = ['zh-CN', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = 'zh-CN';

export type Catalog = { readonly [key: string]: string | Catalog };
export type Resources = Record<string, Record<string, Catalog>>;

/** Turns `{ './locales/en/app.json': {...} }` into `{ en: { app: {...} } }`. */
export function collectResources(modules: Readonly<Record<string, unknown>>): Resources {
  const resources: Resources = {};
  for (const [path, catalog] of Object.entries(modules)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match || typeof catalog !== 'object' || catalog === null) continue;
    const [, lng, ns] = match as unknown as [string, string, string];
    (resources[lng] ??= {})[ns] = catalog as Catalog;
  }
  return resources;
}

/** Flattens a catalog into dotted keys (`menu.file` …), plural suffixes kept. */
export function flattenCatalog(catalog: Catalog, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [k, v] of Object.entries(catalog)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') keys.push(key);
    else keys.push(...flattenCatalog(v, key));
  }
  return keys;
}

/**
 * The UI language: the user's stored choice if valid, else the OS locale
 * (any `zh*` → zh-CN, any `en*` → en), else the fallback.
 */
export function pickLanguage(stored: string | null, osLocale: string | null | undefined): Language {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  const os = (osLocale ?? '').toLowerCase();
  if (os.startsWith('zh')) return 'zh-CN';
  if (os.startsWith('en')) return 'en';
  return fallbackLanguage;
}
