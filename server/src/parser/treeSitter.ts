// Loads web-tree-sitter and its grammars once per process. The wasm files sit next to the bundle
// (dist/) in the extension and the CLI, and in node_modules when running from source.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import type { ScriptGrammar } from '../analysis/sourceLanguage';

const wasmPackages: Record<string, string> = {
  'tree-sitter.wasm': 'web-tree-sitter',
  'tree-sitter-python.wasm': 'tree-sitter-python',
  'tree-sitter-typescript.wasm': 'tree-sitter-typescript',
  'tree-sitter-tsx.wasm': 'tree-sitter-typescript',
};

function locateWasm(fileName: string): string {
  const bundled = path.join(__dirname, fileName);
  if (existsSync(bundled)) return bundled;
  return require.resolve(`${wasmPackages[fileName]}/${fileName}`);
}

let runtime: Promise<void> | undefined;
const languages = new Map<string, Promise<Language>>();

function loadLanguage(wasmFile: string): Promise<Language> {
  runtime ??= Parser.init({ locateFile: (name: string) => locateWasm(name) });
  let language = languages.get(wasmFile);
  if (!language) {
    language = runtime.then(() => Language.load(locateWasm(wasmFile)));
    languages.set(wasmFile, language);
  }
  return language;
}

export function loadPythonLanguage(): Promise<Language> {
  return loadLanguage('tree-sitter-python.wasm');
}

/** The TypeScript grammar, and TSX (TypeScript with JSX, also used for JavaScript). */
export async function loadScriptLanguages(): Promise<Record<ScriptGrammar, Language>> {
  const [typescript, tsx] = await Promise.all([loadLanguage('tree-sitter-typescript.wasm'), loadLanguage('tree-sitter-tsx.wasm')]);
  return { typescript, tsx };
}

export function createParser(language: Language): Parser {
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/**
 * Tree-sitter parses clean code in ~0.14 µs per character, code with an unclosed bracket high up
 * in ~1 µs; some broken code takes thousands of times that. Twice the slow case, so a loaded
 * machine (CPU time grows when two threads share a core's caches) does not skip a file that parses.
 */
const PARSE_BUDGET_MS = 250;
const PARSE_BUDGET_MS_PER_CHAR = 0.002;

/**
 * Parses `text` (incrementally from `oldTree`, already edited, when given). Some broken code keeps
 * tree-sitter's parse stacks split over a long stretch (`def f(a=` then a line `x = , 1, 1, ...`
 * of 450 KB: 6 minutes), so a parse is stopped once its CPU time is over 250 ms plus 2 µs per
 * character, and this throws. CPU time, not wall time: a busy machine does not stop a parse that
 * would finish, and parse threads do not stop each other's.
 */
export function parseWithinBudget(parser: Parser, text: string, oldTree?: Tree): Tree {
  try {
    return parseOnce(parser, text, oldTree);
  } catch (error) {
    // The process's CPU time also counts its other threads (the garbage collector's after a large
    // analysis): a parse stopped then gets one more budget before the file is given up.
    if (!(error instanceof ParseBudgetError)) throw error;
    return parseOnce(parser, text, undefined, RETRY_BUDGET_FACTOR);
  }
}

/** The second try's budget, in first budgets: enough for a parse slowed by other threads' work. */
const RETRY_BUDGET_FACTOR = 3;

function parseOnce(parser: Parser, text: string, oldTree?: Tree, budgetFactor = 1): Tree {
  const budgetMicros = 1000 * budgetFactor * (PARSE_BUDGET_MS + PARSE_BUDGET_MS_PER_CHAR * text.length);
  // This thread's CPU time is at most both the process's (which counts parse workers too) and the
  // wall time (which counts waiting for a busy core): the smaller of the two bounds it. The wall
  // clock is asked first: process.cpuUsage() is a system call, too slow for every callback.
  const elapsedMicros = (() => {
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    return () => {
      const wallMicros = 1000 * (performance.now() - wallStart);
      if (wallMicros <= budgetMicros) return wallMicros;
      const { user, system } = process.cpuUsage(cpuStart);
      return Math.min(user + system, wallMicros);
    };
  })();
  let stopped = false;
  const progressCallback = () => (stopped = elapsedMicros() > budgetMicros);
  const tree = parser.parse(text, oldTree, { progressCallback }) ?? (stopped ? null : parser.parse(text, null, { progressCallback }));
  // Error recovery can differ between a reparse and a fresh parse of the same text: a text with
  // syntax errors is parsed afresh, so what is analysed never depends on the edits that led to it.
  if (tree && oldTree && tree.rootNode.hasError) {
    tree.delete();
    return parseOnce(parser, text, undefined, budgetFactor);
  }
  if (tree) return tree;
  // A stopped parse would otherwise resume where it left off on the next call.
  parser.reset();
  if (stopped) throw new ParseBudgetError(`parsing it took over ${Math.round(budgetMicros / 1000)} ms of CPU time (syntax errors over a long stretch of code)`);
  throw new Error('tree-sitter returned no tree');
}

/** A parse stopped at its budget: on a less busy machine the same text may parse. */
export class ParseBudgetError extends Error {}

