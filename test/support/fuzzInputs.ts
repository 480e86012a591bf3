// Random and mutated inputs for the analysis (test/unit/fuzz.test.ts, scripts/fuzz.ts): every
// fixture and example file, cut, spliced, filled with random bytes, nested deeply, stretched into
// huge lines, or replaced by token soup; alone, as a workspace of several files, or as a sequence
// of edits to one document. Inputs are plain data, so a failing one prints and saves as it is.
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface SeedFile {
  /** Path relative to the repository, e.g. `test/fixtures/python/WD101_direct_add.py`. */
  name: string;
  text: string;
}

export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'indent'; line: number; by: string }
  | { op: 'nest'; at: number; open: string; close: string; depth: number; closed: boolean }
  | { op: 'hugeLine'; at: number; unit: string; count: number }
  | { op: 'replaceWord'; at: number; word: string };

export interface FuzzFile {
  /** File name inside the fuzz workspace, e.g. `model.py`. */
  name: string;
  /** The seed it was derived from (a repository path), or `generated`. */
  from: string;
  text: string;
}

export interface FuzzInput {
  files: FuzzFile[];
  /** Later texts of files[0], applied as edits to an open document (incremental re-parse). */
  edits: string[];
  /** Positions asked for hovers, lines and columns possibly past the end. */
  probes: { line: number; character: number }[];
}

export interface FuzzLimits {
  /** Repeat count of a huge line (the test keeps this small; the long run goes past the size limit). */
  maxHugeLine: number;
  maxNesting: number;
  maxMutations: number;
}

export const TEST_LIMITS: FuzzLimits = { maxHugeLine: 20_000, maxNesting: 1500, maxMutations: 4 };
export const LONG_RUN_LIMITS: FuzzLimits = { maxHugeLine: 400_000, maxNesting: 6000, maxMutations: 8 };

const repository = path.resolve(__dirname, '..', '..');

/** Every source file under `folder` (relative to the repository) ending in one of `extensions`. */
export function seedFiles(folder: string, extensions: readonly string[]): SeedFile[] {
  const root = path.join(repository, folder);
  const found: SeedFile[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) visit(full);
      else if (extensions.some((extension) => entry.endsWith(extension))) found.push({ name: path.relative(repository, full), text: readFileSync(full, 'utf8') });
    }
  };
  visit(root);
  return found;
}

/** The Python seeds: the fixtures and the examples. */
export function pythonSeeds(): SeedFile[] {
  return [...seedFiles('test/fixtures/python', ['.py']), ...seedFiles('examples', ['.py'])];
}

/** The TypeScript and JavaScript (TF.js) seeds. */
export function typescriptSeeds(): SeedFile[] {
  return existsSync(path.join(repository, 'test/fixtures/typescript')) ? seedFiles('test/fixtures/typescript', ['.ts', '.js']) : [];
}

/** The notebook seeds (nbformat 4 JSON). */
export function notebookSeeds(): SeedFile[] {
  return existsSync(path.join(repository, 'test/fixtures/notebooks')) ? seedFiles('test/fixtures/notebooks', ['.ipynb']) : [];
}

/**
 * Notebooks mutated two ways: their JSON text itself (broken JSON, wrong shapes), or each code
 * cell's source as Python is mutated, the JSON kept valid.
 */
export function fuzzNotebook(seeds: readonly SeedFile[], limits: FuzzLimits): fc.Arbitrary<FuzzInput> {
  const mutations = fc.array(mutation(limits), { minLength: 1, maxLength: limits.maxMutations });
  const rawJson = fc.tuple(fc.constantFrom(...seeds), mutations).map(([seed, list]) => ({ from: seed.name, text: applyMutations(seed.text, list) }));
  const cellSources = fc.tuple(fc.constantFrom(...seeds), fc.array(mutations, { minLength: 1, maxLength: 4 })).map(([seed, perCell]) => {
    const notebook = JSON.parse(seed.text) as { cells: { source: string | string[] }[] };
    notebook.cells.forEach((cell, i) => {
      const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
      cell.source = applyMutations(source, perCell[i % perCell.length]);
    });
    return { from: seed.name, text: JSON.stringify(notebook) };
  });
  return fc.tuple(fc.oneof(rawJson, cellSources), fc.array(fc.record({ line: fc.nat({ max: 400 }), character: fc.nat({ max: 200 }) }), { maxLength: 3 })).map(([file, probes]) => ({
    files: [{ name: 'notebook.ipynb', ...file }],
    edits: [],
    probes,
  }));
}

// Words the analysis reacts to, so mutations reach its deeper paths and not only the parser.
const WORDS = [
  'tf.add_to_collection', 'tf.get_collection', 'tf.add_n', 'tf.nn.l2_loss', 'tf.GraphKeys.REGULARIZATION_LOSSES',
  'tf.losses.get_total_loss', 'minimize', 'compute_gradients', 'tf.train.AdamOptimizer', 'tf.keras.regularizers.l2',
  'kernel_regularizer=', 'model.losses', 'model.fit', 'tape.gradient', 'torch.optim.SGD', 'torch.optim.Adam',
  'weight_decay=', 'loss.backward()', 'p.pow(2).sum()', 'nn.Linear', 'import tensorflow as tf', 'from model import *',
  'import torch', 'lambda', 'yield', 'async def', 'await', 'global', 'nonlocal', 'del', '**', '*args', '0.004', '-1e309',
  "'losses'", 'None', 'self', 'super().__init__()', '@decorator', 'match x:', 'case _:', 'f"{x!r:>{w}}"', '\\', '#', '"""',
];

// Pieces of Python for token soup: enough structure that the parser builds real trees from it.
const TOKENS = [
  ...WORDS, 'def f(', 'class C(', 'return ', 'if ', 'elif ', 'else', 'for x in ', 'while ', 'with ', 'try', 'except', 'finally',
  ':', '(', ')', '[', ']', '{', '}', ',', '.', '=', '+', '-', '*', '/', '@', '!=', '==', 'x', 'y', 'loss', 'wd', '0', '1.5',
  "'s'", '"t"', '\n', '\n    ', '\n        ', '\t', ' ', ';', '->', '...',
];

// Text to insert: arbitrary code points (lone surrogates included), control characters, random
// bytes read as UTF-8 and as Latin-1, and Python-like words.
function insertedText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 20 }),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((tokens) => tokens.join(' ')),
    fc.constantFrom('\r\n', '\r', '\u2028', '\ufeff', '\u0000', '"""', "'''", '\\\n', '    ', '\t\t'),
  );
}

export function mutation(limits: FuzzLimits): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: 1_000_000 });
  const length = fc.nat({ max: 400 });
  return fc.oneof(
    fc.record({ op: fc.constant('truncate' as const), at }),
    fc.record({ op: fc.constant('delete' as const), at, length }),
    fc.record({ op: fc.constant('insert' as const), at, text: insertedText() }),
    fc.record({ op: fc.constant('duplicate' as const), at, length, to: at }),
    fc.record({ op: fc.constant('swapLines' as const), a: at, b: at }),
    fc.record({ op: fc.constant('indent' as const), line: at, by: fc.constantFrom('', ' ', '    ', '\t', '        ', ' \t') }),
    fc.record({
      op: fc.constant('nest' as const),
      at,
      open: fc.constantFrom('(', '[', '{', 'f(', 'tf.identity(', 'x.', '-', 'not ', 'lambda: ', 'await ', '"'),
      close: fc.constantFrom(')', ']', '}', '', '1)', '0'),
      depth: logScaled(limits.maxNesting),
      closed: fc.boolean(),
    }),
    fc.record({
      op: fc.constant('hugeLine' as const),
      at,
      unit: fc.constantFrom('a', ' + x', ', 1', '.b', '(', '#', '\\"', 'é', '😀'),
      count: logScaled(limits.maxHugeLine),
    }),
    fc.record({ op: fc.constant('replaceWord' as const), at, word: fc.constantFrom(...WORDS) }),
  );
}

/**
 * 1 to `max`, evenly on a log scale: as many short lines and shallow nestings as huge ones (an
 * even spread made most long-run inputs ~1 MB, and their parse nearly all of the run's time).
 */
function logScaled(max: number): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: 1000 }).map((step) => Math.max(1, Math.round(max ** (step / 1000))));
}

export function applyMutation(text: string, m: Mutation): string {
  const pos = (value: number) => value % (text.length + 1);
  switch (m.op) {
    case 'truncate':
      return text.slice(0, pos(m.at));
    case 'delete':
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.length);
    case 'insert':
      return text.slice(0, pos(m.at)) + m.text + text.slice(pos(m.at));
    case 'duplicate': {
      const piece = text.slice(pos(m.at), pos(m.at) + m.length);
      return text.slice(0, pos(m.to)) + piece + text.slice(pos(m.to));
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'indent': {
      const lines = text.split('\n');
      const line = m.line % lines.length;
      lines[line] = m.by + lines[line].trimStart();
      return lines.join('\n');
    }
    case 'nest': {
      const nested = m.open.repeat(m.depth) + (m.closed ? 'x' + m.close.repeat(m.depth) : '');
      return text.slice(0, pos(m.at)) + nested + text.slice(pos(m.at));
    }
    case 'hugeLine':
      return text.slice(0, pos(m.at)) + `\nhuge = ${m.unit.repeat(m.count)}\n` + text.slice(pos(m.at));
    case 'replaceWord': {
      // The identifier-ish word around the position becomes an API word.
      const start = pos(m.at);
      const word = /^[\w.]*/.exec(text.slice(start))![0];
      return text.slice(0, start) + m.word + text.slice(start + word.length);
    }
  }
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}

/**
 * Inputs built from `seeds`: one mutated file, a workspace of up to three (mutated) files that may
 * import each other, token soup, or an edit sequence on one document.
 */
export function fuzzInput(seeds: readonly SeedFile[], limits: FuzzLimits, extension = '.py'): fc.Arbitrary<FuzzInput> {
  const seed = fc.constantFrom(...seeds);
  const mutations = fc.array(mutation(limits), { minLength: 1, maxLength: limits.maxMutations });
  const mutatedFile = fc.tuple(seed, mutations).map(([from, list]) => ({ from: from.name, text: applyMutations(from.text, list) }));
  const soup = fc
    .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: insertedText() }), { maxLength: 300 })
    .map((tokens) => ({ from: 'generated', text: tokens.join('') }));
  const names = ['train', 'model', 'losses', '__init__'];
  const probes = fc.array(fc.record({ line: fc.nat({ max: 400 }), character: fc.nat({ max: 200 }) }), { maxLength: 4 });
  // The first file imports the others, so the workspace is one program.
  const imports = extension === '.py' ? 'from model import *\nimport losses\n' : "import * as model from './model';\nimport './losses';\n";
  const workspace = fc.array(fc.oneof({ weight: 4, arbitrary: mutatedFile }, { weight: 1, arbitrary: soup }), { minLength: 1, maxLength: 3 }).map((files) =>
    files.map((file, i) => ({ name: `${names[i]}${extension}`, from: file.from, text: i === 0 && files.length > 1 ? imports + file.text : file.text })),
  );
  const editSequence = fc.tuple(seed, fc.array(mutations, { minLength: 1, maxLength: 5 })).map(([from, steps]) => {
    const texts: string[] = [];
    let text = from.text;
    for (const step of steps) texts.push((text = applyMutations(text, step)));
    return { files: [{ name: `edited${extension}`, from: from.name, text: from.text }], edits: texts };
  });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ files: workspace, edits: fc.constant([] as string[]), probes }) },
    { weight: 1, arbitrary: fc.tuple(editSequence, probes).map(([input, probeList]) => ({ ...input, probes: probeList })) },
  );
}
