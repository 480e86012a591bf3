// The layering of Decay Lens, written down once: DIRECTIONS says what each part of server/src,
// client/src and runtime/src may import, and why. Every import of every file there is checked
// against it, read with the TypeScript compiler: re-exports, `import()` and `require()` count, and
// type-only imports are told apart (they leave nothing in a bundle). REACH follows value imports
// across files and packages from the bundles' entry points, for what a bundle must never load.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { ROOT } from '../support/cli';

const SOURCE_FOLDERS = ['server/src', 'client/src', 'runtime/src'];

/**
 * Patterns name project files by their path from the repository root (`server/src/rules/` is a
 * folder and everything under it) and packages by their specifier (`vscode-languageserver*` is a
 * prefix; Node's own modules are always written `node:x`).
 */
type Pattern = string;

interface Direction {
  /** The importing files this row is about. */
  files: Pattern[];
  except?: Pattern[];
  /** When given, nothing else may be imported. */
  only?: Pattern[];
  never?: Pattern[];
  /** Allowed as `import type` (or `import { type X }`) although `only`/`never` refuse them. */
  typesOnly?: Pattern[];
  why: string;
}

/** The hover, hint and sweep-place builders: features/ files that are pure functions of the decay facts. */
const PURE_BUILDERS = ['hoverFacts', 'decayHints', 'decayArithmetic', 'sweepPlaces', 'sweepPlanner', 'proxyNetwork'].map((name) => `server/src/features/${name}.ts`);
/** The evaluation of the IR: summaries, name resolution, what names hold, instantiation (the registry is the one framework file it may load). */
const EVALUATION = ['evaluator', 'calleeResolution', 'nameValues', 'summaryCache', 'instantiation', 'evalContext', 'scope', 'callSites', 'statementOrder', 'constructions'].map((name) => `server/src/analysis/${name}.ts`);
/** The threads of a check: the only files of the CLI that start threads. */
const CHECK_THREADS = ['server/src/cli/analysisPool.ts', 'server/src/cli/analysisWorker.ts'];
const GRAMMAR_LOADER = 'server/src/parser/treeSitter.ts';
/** The analysis core: it computes from the texts it is given. */
const CORE = ['server/src/analysis/', 'server/src/rules/', 'server/src/parser/', ...PURE_BUILDERS];
/** Where the LSP library may be used: the server process's LSP side. */
const LSP_SIDE = ['server/src/server.ts', 'server/src/languageServer.ts', 'server/src/requestParams.ts', 'server/src/protocol.ts', 'server/src/notebooks/notebookSync.ts', 'server/src/features/'];

const DIRECTIONS: Direction[] = [
  {
    files: CORE,
    except: [GRAMMAR_LOADER],
    only: [...CORE, 'node:path', 'node:url', 'web-tree-sitter', '@decay-lens/runtime/decayMath', '@decay-lens/runtime/spec'],
    typesOnly: ['@decay-lens/runtime', 'server/src/protocol.ts'],
    why:
      'The core does no I/O and knows no editor: no file system, processes, threads or network (node:path and node:url are string work), ' +
      'no LSP library, nothing from the parts that feed it (files/, notebooks/, config/, cli/, the language server, workspaceAnalyzer.ts). ' +
      "From the runtime only its arithmetic and sweep spec: the package's root starts sweep processes.",
  },
  {
    files: [GRAMMAR_LOADER],
    only: ['node:fs', 'node:path', 'web-tree-sitter', 'server/src/analysis/sourceLanguage.ts'],
    why: 'The grammar loader is the parser\'s one contact with the disk: it finds the wasm files (dist/ or node_modules). The rest of parser/ takes a loaded Language.',
  },
  {
    files: CHECK_THREADS,
    only: ['server/src/cli/analysisPool.ts', 'server/src/parser/fileParser.ts', 'server/src/groupAnalyst.ts', 'node:worker_threads', 'node:module', '@decay-lens/runtime'],
    why: 'The threads of a check parse and analyse through groupAnalyst.ts alone (the worker is bundled alone, see REACH): only link facts and findings cross between them.',
  },
  {
    files: ['server/src/analysis/'],
    never: ['server/src/rules/', 'server/src/features/', 'server/src/parser/', 'web-tree-sitter'],
    why: 'The analysis computes decay facts from the IR: it knows neither the parser and syntax trees the IR came from nor the rules and views that read the facts.',
  },
  {
    files: EVALUATION,
    never: ['server/src/analysis/frameworks/'],
    typesOnly: ['server/src/analysis/frameworks/framework.ts'],
    why:
      'The evaluation knows no library by name: it asks the frameworks it is given through the Framework interface (workspaceAnalyzer.ts gives it the registry, frameworks/index.ts). ' +
      'A new library is a module under frameworks/ and a line in the registry.',
  },
  {
    files: ['server/src/rules/'],
    never: ['server/src/features/', 'server/src/parser/', 'web-tree-sitter'],
    why: "Rules judge decay facts; the hover and hint builders reuse the rules' wording (rules/describe.ts), not the other way round.",
  },
  {
    files: ['server/src/files/'],
    never: ['server/src/notebooks/'],
    why: 'notebooks/ reads notebook files through files/; the reverse direction made a cycle (isNotebookFile lives in analysis/sourceLanguage.ts).',
  },
  {
    files: ['server/src/'],
    except: LSP_SIDE,
    never: ['vscode-languageserver*'],
    why: 'The LSP library stays on the LSP side: the CLI and the analysis run without it.',
  },
  {
    files: ['server/src/'],
    except: ['server/src/cli/', 'server/src/server.ts'],
    never: ['server/src/cli/', 'server/src/server.ts', 'server/src/languageServer.ts'],
    why: 'Entry points use the rest; nothing uses them.',
  },
  {
    files: ['server/src/protocol.ts'],
    only: ['vscode-languageserver-protocol', 'server/src/analysis/sourceLanguage.ts'],
    typesOnly: ['@decay-lens/runtime'],
    why: 'The client bundles the protocol: it may bring along nothing of the server but the table of file kinds.',
  },
  {
    files: ['server/src/', 'runtime/src/'],
    never: ['client/', '@decay-lens/client*', 'vscode', 'vscode-languageclient*'],
    why: 'The server and the runtime run outside VS Code (any LSP client, the CLI, worker processes); the extension is one client of them.',
  },
  {
    files: ['runtime/src/'],
    never: ['server/', '@decay-lens/server*', 'vscode-languageserver*'],
    why: 'The training runtime is a library of its own: the server uses it, its worker processes run without the server.',
  },
  {
    files: ['client/src/'],
    only: ['client/src/', 'vscode', 'vscode-languageclient*', 'node:*', '@decay-lens/server/protocol'],
    why: "The extension talks to the server over LSP; what they share is the protocol, imported through the server package's one export.",
  },
];

/** What a bundle may load, following value imports from its entry point (esbuild.mjs). */
const PARENT_PROCESS_WHY = 'The parent process never loads onnxruntime: sweeps train in worker processes (runtime/src/sweep/worker.ts), so a crash of the native runtime is just an error.';
const REACH: { entry: string; only?: Pattern[]; never?: Pattern[]; why: string }[] = [
  {
    entry: 'server/src/cli/analysisWorker.ts',
    never: ['vscode-languageserver*', 'onnxruntime-*', 'server/src/cli/check.ts', 'server/src/files/', 'server/src/config/'],
    why: 'Each thread of a check loads this bundle: parsing and the analysis, no LSP library, no onnxruntime, and none of the check\'s file reading or configs (the main thread reads the files once).',
  },
  { entry: 'server/src/cli/main.ts', never: ['vscode-languageserver*', 'onnxruntime-*'], why: `The CLI needs no LSP library. ${PARENT_PROCESS_WHY}` },
  { entry: 'server/src/server.ts', never: ['onnxruntime-*'], why: PARENT_PROCESS_WHY },
  { entry: 'client/src/extension.ts', never: ['onnxruntime-*'], why: PARENT_PROCESS_WHY },
];

/**
 * Imports that break a row today, each with its fix: the test passes while they remain and fails
 * once one is gone (then delete its entry), so the list only shrinks.
 */
const KNOWN_VIOLATIONS = new Map<string, string>([]);

interface Import {
  /** A project file (path from the root) or a package specifier (`node:x` for Node's modules). */
  target: string;
  typeOnly: boolean;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

/** Workspace packages' exports (`@decay-lens/server/protocol` -> `server/src/protocol.ts`), to follow imports across packages. */
const packageEntries = new Map<string, string>(
  SOURCE_FOLDERS.flatMap((folder) => {
    const manifestFolder = folder.split('/')[0];
    const manifest = JSON.parse(readFileSync(path.join(ROOT, manifestFolder, 'package.json'), 'utf8')) as { name: string; exports?: Record<string, string> };
    return Object.entries(manifest.exports ?? {}).map(([subpath, file]): [string, string] => [path.posix.join(manifest.name, subpath), path.posix.join(manifestFolder, file)]);
  }),
);

/** The file a relative specifier names (a path without one is left as it is: the type check reports it). */
function resolveRelative(importer: string, specifier: string): string {
  const base = path.posix.join(path.posix.dirname(importer), specifier);
  return [base, `${base}.ts`, `${base}/index.ts`].find((candidate) => path.extname(candidate) && existsSync(path.join(ROOT, candidate))) ?? base;
}

function targetOf(importer: string, specifier: string): string {
  if (specifier.startsWith('.')) return resolveRelative(importer, specifier);
  return isBuiltin(specifier) ? `node:${specifier.replace(/^node:/, '')}` : specifier;
}

/** Every import, re-export, `import x = require()`, `require('x')`, `import('x')` and `import('x').T` of a file. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const add = (specifier: ts.Node | undefined, typeOnly: boolean) => {
    if (specifier && ts.isStringLiteralLike(specifier)) found.push({ target: targetOf(file, specifier.text), typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypeSpecifiers = !clause?.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, clause !== undefined && (clause.isTypeOnly || onlyTypeSpecifiers));
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const onlyTypeSpecifiers = clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier, node.isTypeOnly || onlyTypeSpecifiers);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function matches(pattern: Pattern, target: string): boolean {
  if (pattern.endsWith('*')) return target.startsWith(pattern.slice(0, -1));
  return pattern.endsWith('/') ? target.startsWith(pattern) : target === pattern;
}

const matchesAny = (patterns: readonly Pattern[] | undefined, target: string) => patterns?.some((pattern) => matches(pattern, target)) ?? false;

function refuses(rule: { only?: Pattern[]; never?: Pattern[]; typesOnly?: Pattern[] }, { target, typeOnly }: Import): boolean {
  const refused = (rule.only !== undefined && !matchesAny(rule.only, target)) || matchesAny(rule.never, target);
  return refused && !(typeOnly && matchesAny(rule.typesOnly, target));
}

const FILES = SOURCE_FOLDERS.flatMap(sourceFiles);
const IMPORTS = new Map(FILES.map((file) => [file, importsOf(file)]));

/** Every import a row refuses, as `file -> target`, with the reason of the first row that does. */
function violations(imports: ReadonlyMap<string, readonly Import[]>): Map<string, string> {
  const found = new Map<string, string>();
  for (const [file, fileImports] of imports) {
    for (const direction of DIRECTIONS) {
      if (!matchesAny(direction.files, file) || matchesAny(direction.except, file)) continue;
      for (const imported of fileImports) {
        const edge = `${file} -> ${imported.target}`;
        if (!found.has(edge) && refuses(direction, imported)) found.set(edge, direction.why);
      }
    }
  }
  return found;
}

/** Project files and packages a file loads, through value imports, itself included. */
function reach(entry: string): Set<string> {
  const reached = new Set([entry]);
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const { target, typeOnly } of IMPORTS.get(file) ?? []) {
      const next = packageEntries.get(target) ?? target;
      if (typeOnly || reached.has(next)) continue;
      reached.add(next);
      if (IMPORTS.has(next)) pending.push(next);
    }
  }
  return reached;
}

test('every import goes in a direction the table allows', () => {
  assert.ok(FILES.length > 100 && FILES.includes('server/src/analysis/ir.ts'), `found the sources (${FILES.length} files)`);
  const unexpected = [...violations(IMPORTS)].filter(([edge]) => !KNOWN_VIOLATIONS.has(edge));
  assert.deepEqual(unexpected.map(([edge, why]) => `${edge}: ${why}`), []);
});

test('every known violation still occurs (delete the entries of fixed ones)', () => {
  const current = violations(IMPORTS);
  assert.deepEqual([...KNOWN_VIOLATIONS.keys()].filter((edge) => !current.has(edge)), []);
});

test('each bundle loads only what it may', () => {
  const refused = REACH.flatMap((limit) => [...reach(limit.entry)].filter((reached) => refuses(limit, { target: reached, typeOnly: false })).map((reached) => `${limit.entry} reaches ${reached}: ${limit.why}`));
  assert.deepEqual(refused, []);
});

test('the checker sees forbidden imports of every kind', () => {
  const planted = new Map<string, Import[]>([
    ['server/src/analysis/planted.ts', [{ target: 'vscode-languageserver/node', typeOnly: false }, { target: 'node:fs', typeOnly: false }, { target: 'server/src/rules/index.ts', typeOnly: true }]],
    ['server/src/rules/planted.ts', [{ target: 'server/src/features/codeActions.ts', typeOnly: false }, { target: 'server/src/protocol.ts', typeOnly: true }]],
    ['server/src/files/planted.ts', [{ target: 'server/src/notebooks/ipynb.ts', typeOnly: false }]],
    ['runtime/src/planted.ts', [{ target: 'server/src/analysis/ir.ts', typeOnly: true }]],
    ['client/src/planted.ts', [{ target: 'server/src/protocol.ts', typeOnly: false }]],
  ]);
  assert.deepEqual([...violations(planted).keys()].sort(), [
    'client/src/planted.ts -> server/src/protocol.ts',
    'runtime/src/planted.ts -> server/src/analysis/ir.ts',
    'server/src/analysis/planted.ts -> node:fs',
    'server/src/analysis/planted.ts -> server/src/rules/index.ts',
    'server/src/analysis/planted.ts -> vscode-languageserver/node',
    'server/src/files/planted.ts -> server/src/notebooks/ipynb.ts',
    'server/src/rules/planted.ts -> server/src/features/codeActions.ts',
  ]);
  // The reader tells a type-only import (here of a wire type, which the core may use) from a value import.
  assert.ok(importsOf('server/src/features/sweepPlanner.ts').some((imported) => imported.target === 'server/src/protocol.ts' && imported.typeOnly));
});
