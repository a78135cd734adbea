import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The architecture rules of style guide §3.2 are lint rules; this test shows
 * each one firing. Every fixture is linted with the real eslint.config.js as
 * if it sat at `filePath` (in core/, renderer/ or electron/); the import-cycle
 * rule follows the real files on disk from there.
 */

const repoRoot = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: path.join(repoRoot, 'eslint.config.js'),
});

async function lintAs(
  fixture: string,
  filePath: string,
): Promise<{ ruleId: string | null; message: string }[]> {
  const code = await readFile(path.join(repoRoot, 'e2e', 'lint-fixtures', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  return (result?.messages ?? []).map(({ ruleId, message }) => ({ ruleId, message }));
}

const cases: readonly { fixture: string; as: string; rule: string; message: RegExp }[] = [
  {
    fixture: 'core-imports-react.ts',
    as: 'core/graph/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /no React/,
  },
  {
    fixture: 'core-imports-xyflow.ts',
    as: 'core/graph/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /no React Flow/,
  },
  {
    fixture: 'core-imports-electron.ts',
    as: 'core/graph/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /no Electron/,
  },
  {
    fixture: 'core-imports-node-fs.ts',
    as: 'core/data/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /no Node APIs/,
  },
  {
    fixture: 'core-imports-bare-fs.ts',
    as: 'core/data/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /no Node built-ins/,
  },
  {
    fixture: 'core-uses-window.ts',
    as: 'core/shapes/lint-probe.ts',
    rule: 'no-restricted-globals',
    message: /no DOM/,
  },
  {
    fixture: 'core-uses-fetch.ts',
    as: 'core/io/lint-probe.ts',
    rule: 'no-restricted-globals',
    message: /does no I\/O/,
  },
  {
    // Type-aware rules need a file of a tsconfig: the fixture stands in for a real one.
    fixture: 'renderer-floating-promise.ts',
    as: 'renderer/app/templates.ts',
    rule: '@typescript-eslint/no-floating-promises',
    message: /Promises must be awaited/,
  },
  {
    fixture: 'renderer-module-state.ts',
    as: 'renderer/panels/dataset/lint-probe.ts',
    rule: 'no-restricted-syntax',
    message: /project session/,
  },
  {
    fixture: 'renderer-module-store.ts',
    as: 'renderer/panels/training/lint-probe.ts',
    rule: 'no-restricted-syntax',
    message: /created by its session/,
  },
  {
    fixture: 'renderer-imports-electron.ts',
    as: 'renderer/app/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /only through the Host interface/,
  },
  {
    fixture: 'renderer-imports-node-path.ts',
    as: 'renderer/app/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /no Node APIs/,
  },
  {
    fixture: 'renderer-imports-tfjs.ts',
    as: 'renderer/app/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /never imports TF\.js/,
  },
  {
    fixture: 'renderer-imports-deep-core.ts',
    as: 'renderer/app/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /import from "@core"/,
  },
  {
    // The contract reaches the renderer through @core like the rest of core.
    fixture: 'renderer-imports-contract-file.ts',
    as: 'renderer/host/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /import from "@core"/,
  },
  {
    fixture: 'renderer-imports-electron-code.ts',
    as: 'renderer/app/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /never imports electron\/ code/,
  },
  {
    fixture: 'electron-imports-renderer-runtime.ts',
    as: 'electron/shell/main/lint-probe.ts',
    rule: '@typescript-eslint/no-restricted-imports',
    message: /never imports renderer\/, not even types/,
  },
  {
    // Before core/contract, any type import from renderer/ passed this rule.
    fixture: 'electron-imports-renderer-type.ts',
    as: 'electron/shell/main/lint-probe.ts',
    rule: '@typescript-eslint/no-restricted-imports',
    message: /never imports renderer\/, not even types/,
  },
  {
    fixture: 'electron-imports-react.ts',
    as: 'electron/shell/main/lint-probe.ts',
    rule: '@typescript-eslint/no-restricted-imports',
    message: /no React/,
  },
  {
    fixture: 'electron-imports-deep-core.ts',
    as: 'electron/cli/lint-probe.ts',
    rule: '@typescript-eslint/no-restricted-imports',
    message: /only through core\/index, an area entry/,
  },
  {
    fixture: 'electron-imports-core-testing.ts',
    as: 'electron/cli/lint-probe.ts',
    rule: '@typescript-eslint/no-restricted-imports',
    message: /only through core\/index, an area entry/,
  },
  ...['host/services', 'host/server', 'data', 'cli', 'launch'].map((folder) => ({
    fixture: 'services-import-electron.ts',
    as: `electron/${folder}/lint-probe.ts`,
    rule: 'no-restricted-imports',
    message: /Only electron\/shell runs inside Electron.*no electron import here/,
  })),
  {
    fixture: 'host-imports-shell.ts',
    as: 'electron/host/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /plain-Node code never imports it/,
  },
  {
    fixture: 'host-imports-shell.ts',
    as: 'electron/cli/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /plain-Node code never imports it/,
  },
  {
    fixture: 'host-imports-cli.ts',
    as: 'electron/data/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /never import the CLI or the launcher/,
  },
  {
    fixture: 'contract-imports-core.ts',
    as: 'core/contract/lint-probe.ts',
    rule: 'no-restricted-imports',
    message: /nothing else from core in it/,
  },
  {
    // core/index.ts re-exports ./result, so result importing the index closes a loop.
    fixture: 'core-import-cycle.ts',
    as: 'core/result.ts',
    rule: 'layerlab/no-import-cycle',
    message: /^Import cycle: core\/result\.ts → core\/index\.ts → core\/result\.ts\./,
  },
  {
    fixture: 'renderer-import-cycle.ts',
    as: 'renderer/state/commands.ts',
    rule: 'layerlab/no-import-cycle',
    message:
      /^Import cycle: renderer\/state\/commands\.ts → renderer\/app\/MenuBar\.tsx → renderer\/state\/commands\.ts\./,
  },
];

describe('architecture lint rules', () => {
  it.each(cases)('$fixture linted as $as trips $rule', async ({ fixture, as, rule, message }) => {
    const messages = await lintAs(fixture, as);
    const hits = messages.filter((m) => m.ruleId === rule);
    // Overlapping patterns may report one import twice (e.g. `@xyflow/react` is also `react*`).
    expect(
      hits.map((hit) => hit.message),
      JSON.stringify(messages),
    ).toContainEqual(expect.stringMatching(message));
  });

  it.each([
    { fixture: 'electron-imports-core-entries.ts', as: 'electron/cli/lint-probe.ts' },
    { fixture: 'electron-imports-core-entries.ts', as: 'electron/host/services/lint-probe.ts' },
    { fixture: 'electron-imports-core-testing.ts', as: 'electron/cli/lint-probe.test.ts' },
    { fixture: 'renderer-imports-core-index.ts', as: 'renderer/app/lint-probe.ts' },
    { fixture: 'main-imports-electron.ts', as: 'electron/shell/main/lint-probe.ts' },
    { fixture: 'main-imports-electron.ts', as: 'electron/shell/preload/lint-probe.ts' },
    { fixture: 'host-imports-shell.ts', as: 'electron/shell/lint-probe.ts' },
    // A type-only import loads nothing at run time, so it closes no cycle.
    { fixture: 'renderer-type-import-no-cycle.ts', as: 'renderer/state/commands.ts' },
    { fixture: 'core-import-cycle.ts', as: 'core/graph/lint-probe.ts' },
  ])('allows $fixture as $as', async ({ fixture, as }) => {
    expect(await lintAs(fixture, as)).toEqual([]);
  });
});
