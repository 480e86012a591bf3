// A bounded, seeded fuzz run of the analysis (the long run: `npm run fuzz`): mutated Python,
// TypeScript/JavaScript and notebook fixtures and the examples, token soup, several-file
// workspaces and edit sequences, and regression tests for what fuzzing found. No exception may escape and no
// result may point outside its file. Time is not judged here (speed belongs to the benchmarks): a
// hang would stop this file's run, and the long run checks each input in a child process and
// reports the inputs slower than a second.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { assertInside, exerciseAnalysis } from '../support/fuzzAnalysis';
import { MAX_FILE_NODES } from '../../server/src/parser/pythonDocument';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';
import { applyMutations, fuzzInput, fuzzNotebook, notebookSeeds, pythonSeeds, TEST_LIMITS, typescriptSeeds, type FuzzInput, type Mutation } from '../support/fuzzInputs';

const SEED = 20261125;

/** The property: analysing the input throws nothing and keeps every result inside its file. */
async function survives(input: FuzzInput): Promise<void> {
  await exerciseAnalysis(input);
}


test('fuzz: mutated and random Python never throws, hangs, or points outside its file', async () => {
  const seeds = pythonSeeds();
  assert.ok(seeds.length > 40, 'every fixture and example is a seed');
  await fc.assert(fc.asyncProperty(fuzzInput(seeds, TEST_LIMITS), survives), { seed: SEED, numRuns: 60, includeErrorInReport: true });
});

test('fuzz: mutated and random TypeScript and JavaScript (TF.js) never throw, hang, or point outside their file', async () => {
  const seeds = typescriptSeeds();
  assert.ok(seeds.length > 10, 'every TypeScript fixture is a seed');
  await fc.assert(fc.asyncProperty(fuzzInput(seeds, TEST_LIMITS, '.ts'), survives), { seed: SEED, numRuns: 40, includeErrorInReport: true });
});

test('fuzz: notebooks with mutated JSON or mutated cells are analysed or skipped with a reason', async () => {
  const seeds = notebookSeeds();
  assert.ok(seeds.length > 0, 'the notebook fixtures are seeds');
  await fc.assert(fc.asyncProperty(fuzzNotebook(seeds, TEST_LIMITS), survives), { seed: SEED, numRuns: 40, includeErrorInReport: true });
});

test('fuzz: every fixture survives each kind of mutation', async () => {
  const mutationsAt = (at: number): Mutation[] => [
    { op: 'truncate', at },
    { op: 'delete', at, length: 7 },
    { op: 'insert', at, text: '\ud800(\u0085[' },
    { op: 'nest', at, open: '(', close: ')', depth: 600, closed: false },
    { op: 'hugeLine', at, unit: ' + x', count: 2000 },
    { op: 'indent', line: at, by: '\t ' },
  ];
  const kinds = mutationsAt(0).length;
  // Each kind at the start, the middle or the end, in turn, so every place is covered across seeds.
  for (const [index, seed] of [...pythonSeeds(), ...typescriptSeeds(), ...notebookSeeds()].entries()) {
    const places = [0, Math.floor(seed.text.length / 2), seed.text.length];
    for (let kind = 0; kind < kinds; kind++) {
      const m = mutationsAt(places[(index + kind) % 3])[kind];
      const text = applyMutations(seed.text, [m]);
      await assert.doesNotReject(exerciseAnalysis({ files: [{ name: `mutated${path.extname(seed.name)}`, from: seed.name, text }], edits: [], probes: [] }), `${seed.name} after ${JSON.stringify(m)}`);
    }
  }
});

test('the range check rejects ranges outside their file', () => {
  const texts = new Map([['file:///fuzz/a.py', 'x = 1\ny = 22\n']]);
  const range = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({ startLine, startColumn, endLine, endColumn });
  assert.doesNotThrow(() => assertInside('ok', 'file:///fuzz/a.py', range(1, 0, 1, 6), texts));
  assert.doesNotThrow(() => assertInside('empty last line', 'file:///fuzz/a.py', range(2, 0, 2, 0), texts));
  assert.throws(() => assertInside('past the line', 'file:///fuzz/a.py', range(1, 0, 1, 7), texts), /lies outside/);
  assert.throws(() => assertInside('past the file', 'file:///fuzz/a.py', range(3, 0, 3, 0), texts), /lies outside/);
  assert.throws(() => assertInside('reversed', 'file:///fuzz/a.py', range(1, 4, 1, 2), texts), /lies outside/);
  assert.throws(() => assertInside('other file', 'file:///fuzz/b.py', range(0, 0, 0, 0), texts), /not in the workspace/);
});

test('mutually recursive functions survive re-analysis after an edit elsewhere (found by the fuzzer)', async () => {
  const recursive = ['import tensorflow as tf', 'def make(name):', '    return wrap(name)', 'def wrap(name):', '    v = make(name)', "    tf.add_to_collection('losses', tf.nn.l2_loss(v))", '    return v', 'wrap("w")', ''].join('\n');
  const analyzer = await WorkspaceAnalyzer.create();
  analyzer.setFile('file:///fuzz/train.py', recursive);
  analyzer.setFile('file:///fuzz/other.py', 'x = 1\n');
  analyzer.analyze();
  analyzer.analyze();
  // Its cache entries now name each other as valid callees: checking them used to recurse forever.
  analyzer.setFile('file:///fuzz/other.py', 'x = 2\n');
  const incremental = analyzer.analyze();
  const fresh = await WorkspaceAnalyzer.create();
  fresh.setFile('file:///fuzz/train.py', recursive);
  fresh.setFile('file:///fuzz/other.py', 'x = 2\n');
  assert.deepEqual(incremental.findings, fresh.analyze().findings);
});

test('a parse stuck in error recovery is stopped: the file is skipped with the reason (found by the fuzzer)', async () => {
  // Unbounded, tree-sitter spent six minutes on this 450 KB text.
  const text = `def main(argv=\nhuge = ${', 1'.repeat(150_000)}\n`;
  const analyzer = await WorkspaceAnalyzer.create();
  analyzer.setFile('file:///fuzz/stuck.py', text);
  analyzer.setFile('file:///fuzz/model.py', brokenSeed());
  const result = analyzer.analyze();
  assert.deepEqual(result.skipped.map((entry) => entry.uri), ['file:///fuzz/stuck.py']);
  assert.match(result.skipped[0].reason, /^could not be parsed: parsing it took over \d+ ms of CPU time/);
  assert.ok(result.findings.some((finding) => finding.uri === 'file:///fuzz/model.py'), 'the other file is analysed');
  // Fixed again, it is analysed again.
  analyzer.setFile('file:///fuzz/stuck.py', 'x = 1\n');
  assert.deepEqual(analyzer.analyze().skipped, []);
});

test('statements past the syntax-node limit of a file are left out and said so; the rest is analysed', async () => {
  // 100,000 list elements are ~200,000 nodes: one list fits, not both; of two equal ones the first goes.
  const list = (name: string) => `${name} = [${'1,'.repeat(100_000)}]\n`;
  const text = list('first') + list('second') + brokenSeed();
  const analyzer = await WorkspaceAnalyzer.create();
  analyzer.setFile('file:///fuzz/large.py', text);
  const result = analyzer.analyze();
  assert.deepEqual(result.partial, [{ uri: 'file:///fuzz/large.py', reason: 'too large to analyse at line 1; the rest of the file was analysed' }]);
  assert.ok(result.findings.some((finding) => finding.code === 'WD101' && finding.range.startLine > 2), 'the statements after it are analysed');
  assert.ok(MAX_FILE_NODES > 150_000 && MAX_FILE_NODES < 400_000, 'the lists straddle the limit');
});

test('over the syntax-node limit, data statements are left out before decay code, and the note names every part left out', async () => {
  // 400 tables of 1,000 numbers (~800,000 nodes) before the decay code: the tables go, not the code after them.
  const tables = Array.from({ length: 400 }, (_, index) => `table_${index} = [${'1,'.repeat(1000)}]\n`).join('');
  const text = tables + brokenSeed();
  const analyzer = await WorkspaceAnalyzer.create();
  analyzer.setFile('file:///fuzz/tables.py', text);
  const result = analyzer.analyze();
  assert.ok(result.findings.some((finding) => finding.code === 'WD101' && finding.range.startLine >= 400), 'the decay code after the tables is analysed');
  assert.equal(result.partial.length, 1);
  // More than 3 tables left out: three named, the rest counted.
  assert.match(result.partial[0].reason, /^too large to analyse at lines \d+, \d+, \d+ and \d+ more; the rest of the file was analysed$/);
});

test('curried closures nested 30 deep, each returning the next, are analysed and still report (found by a review: their values grew with the depth)', async () => {
  const depth = 30;
  const indent = (level: number) => '    '.repeat(level);
  const defs = Array.from({ length: depth }, (_, level) => `${indent(level)}def f${level}(a${level}):\n`).join('');
  const body = `${indent(depth)}loss = model(a0).pow(2).mean() + a${depth - 1} * sum(p.pow(2).sum() for p in model.parameters())\n${indent(depth)}loss.backward()\n`;
  const returns = Array.from({ length: depth }, (_, index) => depth - 1 - index).map((level) => `${indent(level + 1)}return f${Math.min(level + 1, depth - 1)}\n`).join('');
  const calls = Array.from({ length: depth - 1 }, (_, index) => `(0.${index + 1})`).join('');
  const text = `import torch\nimport torch.nn as nn\nmodel = nn.Linear(4, 1)\nopt = torch.optim.SGD(model.parameters(), lr=0.5, weight_decay=1e-4)\n${defs}${body}${returns}for x in range(3):\n    opt.zero_grad()\n    f0(x)${calls}\n    opt.step()\n`;
  const analyzer = await WorkspaceAnalyzer.create();
  analyzer.setFile('file:///fuzz/closures.py', text);
  const result = analyzer.analyze();
  assert.ok(result.findings.some((finding) => finding.code === 'WD201'), 'the innermost penalty, run through every closure call, doubles the SGD decay');
});

function brokenSeed(): string {
  return pythonSeeds().find((file) => file.name.endsWith('WD101_missing_sum.py'))!.text;
}
