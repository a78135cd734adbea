// ESLint rule `layerlab/no-import-cycle`: an import that leads back to the
// file that makes it is an error. Only imports that load code at run time
// count (`import type` / `export type` do not; `import()` is lazy and does not).
// The module graph is read from disk with TypeScript's parser and cached for
// the lint run; the linted file's own imports come from its AST, so a fixture
// linted as if it sat at some path is checked like a real file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bare specifiers that name repo files (the aliases of vite.config.ts / vitest.config.ts). */
const aliases = {
  '@core': path.join(repoRoot, 'core', 'index.ts'),
  '@core/testing': path.join(repoRoot, 'core', 'testing.ts'),
};

const candidates = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolve(fromFile, specifier) {
  if (Object.hasOwn(aliases, specifier)) return aliases[specifier];
  if (!specifier.startsWith('.')) return null; // a package
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const suffix of candidates) {
    const file = base + suffix;
    if (/\.(ts|tsx)$/.test(file) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

const edgeCache = new Map();

/** The repo files `file` loads at run time (from disk, cached). */
function runtimeImportsOf(file) {
  const cached = edgeCache.get(file);
  if (cached) return cached;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const targets = [];
  for (const statement of source.statements) {
    let specifier = null;
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly)
      specifier = statement.moduleSpecifier;
    else if (
      ts.isExportDeclaration(statement) &&
      !statement.isTypeOnly &&
      statement.moduleSpecifier
    )
      specifier = statement.moduleSpecifier;
    if (specifier && ts.isStringLiteral(specifier)) {
      const target = resolve(file, specifier.text);
      if (target) targets.push(target);
    }
  }
  edgeCache.set(file, targets);
  return targets;
}

const reachCache = new Map();

/** Every repo file `start` loads at run time, directly or not (cached for the lint run). */
function reachableFrom(start) {
  let reached = reachCache.get(start);
  if (reached) return reached;
  reached = new Set();
  const queue = [start];
  while (queue.length > 0) {
    for (const next of runtimeImportsOf(queue.shift())) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  reachCache.set(start, reached);
  return reached;
}

/** The shortest chain of run-time imports from `start` to `goal` (both included). */
function chainTo(start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    if (file === goal) break;
    for (const next of runtimeImportsOf(file)) {
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  const chain = [];
  for (let f = goal; f; f = previous.get(f)) chain.unshift(f);
  return chain;
}

// `import { type A } from` still loads the module under verbatimModuleSyntax, so it counts.
const isTypeOnly = (node) => node.importKind === 'type' || node.exportKind === 'type';

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports that lead back to the importing file (run-time cycles).' },
    schema: [],
    messages: {
      cycle: 'Import cycle: {{chain}}. Move what both sides need into a module neither imports.',
    },
  },
  create(context) {
    const file = context.filename;
    if (!/\.(ts|tsx)$/.test(file)) return {};
    const relative = (f) => path.relative(repoRoot, f).split(path.sep).join('/');
    const check = (node) => {
      if (!node.source || isTypeOnly(node)) return;
      const target = resolve(file, node.source.value);
      if (!target) return;
      if (target !== file && !reachableFrom(target).has(file)) return;
      const chain = target === file ? [file, file] : [file, ...chainTo(target, file)];
      context.report({
        node,
        messageId: 'cycle',
        data: { chain: chain.map(relative).join(' → ') },
      });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
