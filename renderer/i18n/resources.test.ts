import { describe, expect, it } from 'vitest';

import { collectResources, flattenCatalog, pickLanguage } from './resources';

describe('pickLanguage', () => {
  it.each([
    [null, 'zh-CN', 'zh-CN'],
    [null, 'zh-TW', 'zh-CN'],
    [null, 'zh', 'zh-CN'],
    [null, 'en-US', 'en'],
    [null, 'en', 'en'],
    [null, 'de-DE', 'zh-CN'],
    [null, '', 'zh-CN'],
    [null, undefined, 'zh-CN'],
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en-GB', 'zh-CN'],
    ['fr', 'en-GB', 'en'],
  ] as const)('stored %s + OS %s → %s', (stored, os, expected) => {
    expect(pickLanguage(stored, os)).toBe(expected);
  });
});

describe('collectResources', () => {
  it('groups catalogs by language and namespace and skips non-objects', () => {
    const r = collectResources({
      './locales/en/app.json': { a: 'A' },
      './locales/zh-CN/app.json': { a: '甲' },
      './locales/en/train.json': { b: { c: 'C' } },
      './locales/en/broken.json': null,
      './elsewhere/x.json': { z: 'Z' },
    });
    expect(r).toEqual({
      en: { app: { a: 'A' }, train: { b: { c: 'C' } } },
      'zh-CN': { app: { a: '甲' } },
    });
  });

  it('flattens nested catalogs to dotted keys', () => {
    expect(flattenCatalog({ a: 'x', b: { c: 'y', d: { e: 'z' } } })).toEqual(['a', 'b.c', 'b.d.e']);
  });
});
