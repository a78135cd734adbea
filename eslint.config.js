// Architecture as lint: each area's allowed imports are declared here, so a
// wrong import fails `npm run lint` (and `npm test`, via e2e/lint-rules tests).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

import noImportCycle from './scripts/lint/no-import-cycle.js';

const coreBannedImports = [
  {
    group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
    message: 'core/ is pure: no React. Move UI code to renderer/.',
  },
  {
    group: ['@xyflow/*', 'reactflow'],
    message: 'core/ is pure: no React Flow. Move canvas code to renderer/canvas/.',
  },
  {
    group: ['electron', 'electron/*'],
    message: 'core/ is pure: no Electron. OS access belongs to electron/ behind Host.',
  },
  {
    group: ['node:*'],
    message: 'core/ is pure: no Node APIs. Take bytes as arguments instead of paths.',
  },
  {
    group: [
      'fs',
      'path',
      'os',
      'child_process',
      'worker_threads',
      'url',
      'crypto',
      'zlib',
      'http',
      'https',
      'net',
    ],
    message: 'core/ is pure: no Node built-ins. Take bytes as arguments instead.',
  },
  {
    group: ['**/renderer/**', '**/electron/**'],
    message: 'core/ may import only itself and TF.js.',
  },
];

const rendererBannedImports = [
  {
    group: ['electron', 'electron/*'],
    message: 'renderer/ reaches the OS only through the Host interface (core/contract/host.ts).',
  },
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'],
    message: 'renderer/ has no Node APIs; use the Host interface.',
  },
  {
    group: ['@tensorflow/*'],
    message: 'renderer/ never imports TF.js: tensors stay in core/ (import from @core).',
  },
  {
    group: ['**/core/*', '**/core/**', '!**/core/index', '!**/core/index.ts'],
    message: 'renderer/ imports core only through its public surface: import from "@core".',
  },
  {
    group: ['**/electron/**'],
    message: 'renderer/ never imports electron/ code; use the Host interface.',
  },
];

// core/contract is what every process imports: it imports nothing else from core.
const contractBannedImports = [
  ...coreBannedImports,
  {
    group: ['../*', '../**'],
    message: 'core/contract is the leaf every process imports: nothing else from core in it.',
  },
];

// electron/ reads core through its public entries only: core/index.ts, an area's
// index.ts (core/data/index.ts, …) or the contract (core/contract/*).
const electronDeepCore = (extraAllowed) => ({
  regex: String.raw`^(\.\./)+core/(?!index$|[a-z-]+/index$|contract(/[a-z-]+)?$${extraAllowed})`,
  message:
    'electron/ imports core only through core/index, an area entry (core/<area>/index) or core/contract.',
});

const electronBannedImports = (extraCoreAllowed) => [
  {
    group: ['**/renderer', '**/renderer/**'],
    message:
      'electron/ never imports renderer/, not even types: what both sides share is in core/contract.',
  },
  {
    group: ['react', 'react-dom', '@xyflow/*'],
    message: 'electron/ is a thin shell: no React.',
  },
  electronDeepCore(extraCoreAllowed),
];

const electronPackage = {
  group: ['electron', 'electron/*'],
  message:
    'Only electron/shell runs inside Electron; host services, data decoding, the CLI and the launcher run in plain Node: no electron import here.',
};
const noShell = {
  group: ['**/shell', '**/shell/**'],
  message:
    'electron/shell (main, preload) is the Electron process: plain-Node code never imports it.',
};
const noCliOrLaunch = {
  group: ['**/cli', '**/cli/**', '**/launch', '**/launch/**'],
  message:
    'electron/host and electron/data serve every process: they never import the CLI or the launcher.',
};

const coreBannedGlobals = [
  { name: 'window', message: 'core/ has no DOM. Pass what you need as an argument.' },
  { name: 'document', message: 'core/ has no DOM. Pass what you need as an argument.' },
  { name: 'localStorage', message: 'core/ stores nothing; the host persists data.' },
  { name: 'fetch', message: 'core/ does no I/O; take bytes as arguments (the host reads files).' },
  { name: 'process', message: 'core/ has no Node process; pass settings as arguments.' },
  {
    name: 'requestAnimationFrame',
    message: 'core/ owns no frames; yield through callbacks given by the caller.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.wasm',
      'e2e/lint-fixtures/**',
      'core/engine/build/**',
      'core/engine/assembly/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: coreBannedImports }],
      'no-restricted-globals': ['error', ...coreBannedGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: rendererBannedImports }],
    },
  },
  {
    files: ['core/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: contractBannedImports }] },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: electronBannedImports('') },
      ],
    },
  },
  {
    // Tests may also use core's test support (core/testing.ts, core/<area>/testing/*).
    files: ['electron/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: electronBannedImports('|testing$|[a-z-]+/testing/.*') },
      ],
    },
  },
  // What runs where inside electron/ (see electron/README.md).
  {
    files: ['electron/host/**/*.ts', 'electron/data/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronPackage, noShell, noCliOrLaunch] }],
    },
  },
  {
    files: ['electron/cli/**/*.ts', 'electron/launch/**/*.ts', 'electron/test-support/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronPackage, noShell] }] },
  },
  {
    files: ['electron/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli', '**/cli/**', '**/launch', '**/launch/**'],
              message:
                'electron/shell starts the host services; it never imports the CLI or the launcher.',
            },
          ],
        },
      ],
    },
  },
  {
    // Run-time import cycles anywhere in the app's code (tests are leaves: nothing imports them).
    files: ['core/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    plugins: { layerlab: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'layerlab/no-import-cycle': 'error' },
  },
  {
    // Per-project state belongs to the open project's session (renderer/session):
    // a module-level variable or store outlives the project and leaks into the
    // next one. Only app-wide state may live at module level, in the files
    // listed under `ignores` (each says why); workers hold one worker's state
    // and are reset by the session.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: [
      'renderer/**/*.test.{ts,tsx}',
      'renderer/**/testing/**',
      'renderer/workers/**',
      'renderer/panels/export/export-session.ts', // the export worker's own backend
      'renderer/ui/toast-store.ts', // app-wide: the window's notifications
      'renderer/ui/confirm-store.ts', // app-wide: the window's one dialog
      'renderer/app/theme.ts', // app-wide setting
      'renderer/app/presentation.ts', // app-wide setting
      'renderer/state/runtime-store.ts', // app-wide: the window's compute backend
      'renderer/data/persistent-sample-cache.ts', // app-wide: the user-data pixel cache
      'renderer/inspect/sample-key.ts', // identity keys of immutable samples
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration[kind=/^(let|var)$/]',
          message:
            'No module-level mutable state in renderer/: per-project state lives in the project session (renderer/session), app-wide state in an allow-listed store.',
        },
        {
          selector:
            ':matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration > VariableDeclarator > CallExpression:matches([callee.name=/^(create|createStore)$/], [callee.callee.name=/^(create|createStore)$/])',
          message:
            "No module-level store in renderer/: a project's stores are created by its session (renderer/session/project-session.ts).",
        },
      ],
    },
  },
  {
    // Type-aware where it pays: a forgotten promise in a worker or an event
    // handler fails silently (an unhandled rejection nobody sees), so these
    // three rules use the type checker. Tests are left out to keep lint fast.
    files: ['core/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    // lint-probe.ts: e2e/lint-rules.test.ts lints fixtures under that name, in no tsconfig.
    ignores: [
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/testing/**',
      'core/engine/assembly/**',
      '**/lint-probe.ts',
    ],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-globals': 'off', 'no-console': 'off' },
  },
  prettier,
);
