import { describe, expect, it } from 'vitest';

import { formatDiagnostic, formatMessage, messagePlaceholders, messages } from './messages';

// Sources of the areas this table serves, read through Vite (no Node APIs in core).
const sources = import.meta.glob(
  ['../{graph,layers,shapes,validate}/**/*.ts', '../io/*.ts', '!../**/*.test.ts'],
  { query: '?raw', import: 'default', eager: true },
) as Record<string, string>;

/** Codes the areas this table serves produce: `code: '…'`, `fail('…')`, `shapeFail('…')`, `refuse('…')`, `error('…')`. */
function codesUsedInSource(): Set<string> {
  const codes = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(
      /(?:code: |fail\(|shapeFail\(|refuse\(|error\()'([a-z]+(?:-[a-z]+)+)'/g,
    ))
      codes.add(m[1]!);
  }
  return codes;
}

describe('message table', () => {
  const table = messages as Record<string, { en: string; 'zh-CN': string }>;

  it('has a message for every code the editor core produces', () => {
    const used = [...codesUsedInSource()];
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((c) => !(c in table))).toEqual([]);
  });

  for (const [code, text] of Object.entries(table)) {
    it(`${code}: both languages, same placeholders, kebab-case code`, () => {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(text.en.trim()).not.toBe('');
      expect(text['zh-CN'].trim()).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(names(text['zh-CN'])).toEqual(names(text.en));
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      const args = Object.fromEntries(messagePlaceholders(code).map((p) => [p, `«${p}»`]));
      for (const locale of ['en', 'zh-CN'] as const)
        expect(formatMessage(code, args, locale)).not.toMatch(/\{\{|\}\}/);
    });
  }

  it('words a shape error as subject, expectation, observation, remedy', () => {
    const text = formatDiagnostic(
      {
        code: 'input-rank-too-low',
        args: { kind: 'Dense', name: 'dense_2', expectedAxes: 1, actual: '[]' },
      },
      'en',
    );
    expect(text).toMatch(
      /^Dense 'dense_2' needs an input with at least 1 axes but receives \[\]\. Check the layer before it/,
    );
  });

  it('inserts names as text, never as markup', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(formatDiagnostic({ code: 'rename-duplicate', args: { name } }, 'zh-CN')).toContain(name);
  });

  it('falls back to a generic line for an unknown code', () => {
    expect(formatMessage('no-such-code', {}, 'en')).toBe('Problem: no-such-code');
  });
});
