// The TypeScript/JavaScript front end: what the IR holds for imports, config objects, arrow
// functions, classes and broken code, with ranges in UTF-16 columns like the Python IR's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { walkStatements, type Expr, type ModuleIR, type Stmt } from '../../server/src/analysis/ir';
import { scriptGrammarOf } from '../../server/src/analysis/sourceLanguage';
import { SourceDocument } from '../../server/src/parser/pythonDocument';
import { loadScriptLanguages } from '../../server/src/parser/treeSitter';
import { createTypeScriptConverter } from '../../server/src/parser/typescriptIr';
import { MAX_STATEMENT_DEPTH } from '../../server/src/parser/pythonIr';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';
import { expectedFindings, typescriptFixtures } from '../support/fixtures';

async function parse(text: string, grammar: 'typescript' | 'tsx' = 'typescript'): Promise<ModuleIR> {
  const languages = await loadScriptLanguages();
  const document = new SourceDocument(languages[grammar], createTypeScriptConverter());
  try {
    return document.update(text);
  } finally {
    document.dispose();
  }
}

function calls(ir: ModuleIR): (Expr & { kind: 'call' })[] {
  const found: (Expr & { kind: 'call' })[] = [];
  const visit = (expr: Expr | undefined): void => {
    if (!expr) return;
    if (expr.kind === 'call') found.push(expr);
    switch (expr.kind) {
      case 'attr':
        return visit(expr.object);
      case 'call':
        visit(expr.callee);
        expr.args.forEach(visit);
        return expr.keywords.forEach((keyword) => visit(keyword.value));
      case 'binop':
        visit(expr.left);
        return visit(expr.right);
      case 'neg':
        return visit(expr.operand);
      case 'lambda':
        return visit(expr.body);
      case 'group':
        return expr.items.forEach(visit);
    }
  };
  for (const stmt of walkStatements(ir.body)) {
    if (stmt.kind === 'assign' || stmt.kind === 'expr') visit(stmt.value);
    else if (stmt.kind === 'return') visit(stmt.value);
  }
  return found;
}

function calleeText(call: Expr & { kind: 'call' }): string {
  const parts: string[] = [];
  let current: Expr = call.callee;
  while (current.kind === 'attr') {
    parts.unshift(current.attr);
    current = current.object;
  }
  if (current.kind === 'name') parts.unshift(current.id);
  return parts.join('.');
}

test('imports: ES modules, require, relative specifiers with and without extensions', async () => {
  const ir = await parse(
    [
      "import * as tf from '@tensorflow/tfjs';",
      "import { layers, regularizers as R } from '@tensorflow/tfjs-node';",
      "import { createModel } from '../lib/model.js';",
      "import * as data from './data';",
      "import makeModel from './factory';",
      "const tfn = require('@tensorflow/tfjs-node');",
      "const { train } = require('./training');",
      "import tfc = require('@tensorflow/tfjs-core');",
    ].join('\n'),
  );
  const imports = ir.body.filter((stmt) => stmt.kind === 'import' || stmt.kind === 'from').map(({ range: _range, ...rest }) => rest);
  assert.deepEqual(imports, [
    { kind: 'import', module: '@tensorflow/tfjs', alias: 'tf' },
    { kind: 'from', module: '@tensorflow/tfjs-node', level: 0, names: [{ name: 'layers', alias: 'layers' }, { name: 'regularizers', alias: 'R' }] },
    { kind: 'from', module: 'lib.model', level: 2, names: [{ name: 'createModel', alias: 'createModel' }] },
    { kind: 'from', module: '', level: 1, names: [{ name: 'data', alias: 'data' }] },
    { kind: 'from', module: 'factory', level: 1, names: [{ name: 'default', alias: 'makeModel' }] },
    { kind: 'import', module: '@tensorflow/tfjs-node', alias: 'tfn' },
    { kind: 'from', module: 'training', level: 1, names: [{ name: 'train', alias: 'train' }] },
    { kind: 'import', module: '@tensorflow/tfjs-core', alias: 'tfc' },
  ]);
});

test('a config object passed to a call becomes its keywords, with UTF-16 ranges', async () => {
  // The emoji is two UTF-16 code units (four UTF-8 bytes): columns after it count code units.
  const line = "const layer = tf.layers.dense({ name: '😀', units: 4, kernelRegularizer: reg, ...extra });";
  const ir = await parse(`${line}\n`);
  const dense = calls(ir).find((call) => calleeText(call) === 'tf.layers.dense');
  assert.ok(dense);
  assert.deepEqual(dense.keywords.map((keyword) => keyword.name), ['name', 'units', 'kernelRegularizer']);
  const units = dense.keywords[1];
  assert.deepEqual(units.value, { kind: 'num', value: 4, range: { startLine: 0, startColumn: line.indexOf('4,'), endLine: 0, endColumn: line.indexOf('4,') + 1 } });
  assert.deepEqual(units.range, { startLine: 0, startColumn: line.indexOf('units'), endLine: 0, endColumn: line.indexOf(', kernel') });
  assert.deepEqual(dense.args.map((arg) => (arg.kind === 'name' ? arg.id : arg.kind)), ['extra'], 'a spread stays a positional argument');
});

test('arrow functions: const arrows are functions, an expression body is a lambda, a block body is hoisted', async () => {
  const ir = await parse(
    [
      'const makeLayer = (units: number, wd = 1e-4) => tf.layers.dense({ units });',
      'optimizer.minimize(() => {',
      '  const logits = model.predict(xs) as tf.Tensor;',
      '  return tf.losses.softmaxCrossEntropy(ys, logits);',
      '});',
      'const losses = xs.map((x) => x.square().sum());',
      'async function run() { const h = await model.fit(xs, ys); return h; }',
    ].join('\n'),
  );
  const [makeLayer, hoisted, minimize, mapped, run] = ir.body;
  assert.equal(makeLayer.kind, 'def');
  assert.deepEqual(makeLayer.kind === 'def' && makeLayer.fn.params.map((param) => [param.name, param.defaultValue?.kind]), [['units', undefined], ['wd', 'num']]);
  assert.equal(makeLayer.kind === 'def' && makeLayer.fn.body[0].kind, 'return');

  // The block-bodied arrow is a function of its own, defined before the statement using it...
  assert.ok(hoisted.kind === 'def');
  assert.deepEqual(hoisted.fn.body.map((stmt) => stmt.kind), ['assign', 'return']);
  // ...and the argument is a lambda whose value is that function's.
  assert.ok(minimize.kind === 'expr' && minimize.value.kind === 'call');
  const lambda = minimize.value.args[0];
  assert.ok(lambda.kind === 'lambda' && lambda.body.kind === 'call' && lambda.body.callee.kind === 'name');
  assert.equal(lambda.body.callee.id, hoisted.fn.name);

  // `(x) => x.square().sum()` keeps its expression.
  assert.ok(mapped.kind === 'assign' && mapped.value.kind === 'call');
  const arrow = mapped.value.args[0];
  assert.ok(arrow.kind === 'lambda' && arrow.body.kind === 'call' && arrow.body.callee.kind === 'attr');
  assert.equal(arrow.body.callee.attr, 'sum');

  // `await model.fit(...)` is the call itself.
  assert.ok(run.kind === 'def');
  const awaited = run.fn.body[0];
  assert.ok(awaited.kind === 'assign' && awaited.value.kind === 'call');
  assert.equal(calleeText(awaited.value), 'model.fit');
});

test('destructured parameters: renamed ones keep the keyword callers pass them by', async () => {
  const ir = await parse('function denseLayer({ units, l2: strength = 1e-4, activation: act }: LayerOptions) { return units; }');
  const [fn] = ir.body;
  assert.equal(fn.kind, 'def');
  assert.deepEqual(
    fn.kind === 'def' && fn.fn.params.map((param) => [param.name, param.keyword, param.defaultValue?.kind]),
    [['units', undefined, undefined], ['strength', 'l2', 'num'], ['act', 'activation', undefined]],
  );
  // A call binds `{ l2: 0 }` to `strength`: the helper's only call switches it off (WD303), so the
  // loop has no decay to miss (no WD103).
  const analyzer = await WorkspaceAnalyzer.create();
  const model = (strength: string) =>
    [
      "import * as tf from '@tensorflow/tfjs';",
      'function denseLayer({ units, l2: strength }: { units: number; l2: number }) {',
      '  return tf.layers.dense({ units, kernelRegularizer: tf.regularizers.l2({ l2: strength }) });',
      '}',
      `const model = tf.sequential({ layers: [denseLayer({ units: 32, l2: ${strength} })] });`,
      'const optimizer = tf.train.sgd(0.1);',
      'export function step(xs: tf.Tensor, ys: tf.Tensor) {',
      '  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs) as tf.Tensor) as tf.Scalar);',
      '}',
    ].join('\n');
  analyzer.setFile('file:///ts/model.ts', model('1e-3'));
  assert.deepEqual(analyzer.analyze().findings.map((finding) => finding.code), ['WD103']);
  analyzer.setFile('file:///ts/model.ts', model('0'));
  assert.deepEqual(analyzer.analyze().findings.map((finding) => finding.code), ['WD303']);
});

test('classes: fields initialise in the constructor, methods are functions', async () => {
  const ir = await parse(
    [
      'class Trainer {',
      '  private model = tf.sequential();',
      '  constructor(private rate: number) { this.ready = true; }',
      '  step(xs: tf.Tensor): void { this.model.fit(xs); }',
      '}',
    ].join('\n'),
  );
  const [cls] = ir.body;
  assert.ok(cls.kind === 'class');
  const methods = cls.body.flatMap((stmt: Stmt) => (stmt.kind === 'def' ? [stmt.fn] : []));
  // The constructor is named as Python's is, so that `new Trainer(...)` runs it like a Python construction.
  assert.deepEqual(methods.map((fn) => fn.name), ['__init__', 'step']);
  const constructor = methods[0];
  assert.deepEqual(constructor.params.map((param) => param.name), ['rate']);
  const [field, own] = constructor.body;
  assert.ok(field.kind === 'assign' && field.targets[0].kind === 'attr');
  assert.equal(field.targets[0].attr, 'model', 'the field comes first, as JavaScript runs it');
  assert.ok(own.kind === 'assign');
});

test('JavaScript with JSX parses with the TSX grammar; a syntax error leaves the rest analysed', async () => {
  assert.equal(scriptGrammarOf('file:///a/App.jsx'), 'tsx');
  assert.equal(scriptGrammarOf('/a/train.js'), 'tsx');
  assert.equal(scriptGrammarOf('/a/train.mts'), 'typescript');
  assert.equal(scriptGrammarOf('/a/types.d.ts'), undefined);
  assert.equal(scriptGrammarOf('/a/train.py'), undefined);
  const jsx = await parse('const view = <button onClick={() => optimizer.minimize(loss)}>train</button>;\n', 'tsx');
  assert.deepEqual(jsx.unanalysed, []);
  assert.ok(calls(jsx).some((call) => calleeText(call) === 'optimizer.minimize'));

  const broken = await parse(['function broken(x: number {', '  return x +;', '}', 'model.fit(xs, ys);'].join('\n'));
  assert.ok(broken.unanalysed.some((part) => part.reason === 'syntax error'));
  assert.ok(calls(broken).some((call) => calleeText(call) === 'model.fit'), 'the statement after the error is still there');
});

test('deep nesting is cut off and reported, never a crash', async () => {
  const deep = await parse(`const x = ${'f('.repeat(3000)}1${')'.repeat(3000)};\nmodel.fit(xs, ys);\n`);
  assert.ok(deep.unanalysed.some((part) => part.reason === 'nested too deeply'));
  assert.ok(calls(deep).some((call) => calleeText(call) === 'model.fit'));
});

test('statement nesting is cut at a fixed depth, whatever the stack: the same IR on any thread', async () => {
  const nested = (depth: number) => `${'if (xs) {\n'.repeat(depth)}opt.minimize(() => loss(xs));\n${'}\n'.repeat(depth)}`;
  const within = await parse(nested(MAX_STATEMENT_DEPTH - 2));
  assert.deepEqual(within.unanalysed, []);
  assert.ok(calls(within).some((call) => calleeText(call) === 'opt.minimize'));
  // Deeper than the limit but far from any stack's end: cut at the limit, before the stack decides.
  const beyond = await parse(nested(MAX_STATEMENT_DEPTH + 20));
  assert.deepEqual(beyond.unanalysed.map((part) => [part.reason, part.range.startLine]), [['nested too deeply', MAX_STATEMENT_DEPTH]]);
  assert.ok(!calls(beyond).some((call) => calleeText(call) === 'opt.minimize'));
});

const pathological: Record<string, string> = {
  'nested blocks': `${'{'.repeat(5000)}${'}'.repeat(5000)}\n`,
  'nested arrows': `const f = ${'() => '.repeat(3000)}1;\n`,
  'nested block arrows': `const f = ${'() => { return '.repeat(2000)}1${'; }'.repeat(2000)};\n`,
  'nested config objects': `x = f(${'{a: f('.repeat(2000)}1${')}'.repeat(2000)});\n`,
  'nested JSX': `const v = ${'<div>'.repeat(3000)}${'</div>'.repeat(3000)};\n`,
  'unclosed everything': '(((( [[[ {{{ function f(: class\n',
};

for (const [name, text] of Object.entries(pathological)) {
  test(`pathological TypeScript: ${name}`, async () => {
    const analyzer = await WorkspaceAnalyzer.create();
    const fixture = path.join(typescriptFixtures, 'WD103_minimize_custom_loop.ts');
    analyzer.setFile('file:///work/bad.tsx', text);
    analyzer.setFile(pathToFileURL(fixture).href, readFileSync(fixture, 'utf8'));
    const result = analyzer.analyze();
    assert.deepEqual(result.findings.map((finding) => finding.code), ['WD103'], 'the other file is still analysed');
    assert.deepEqual(result.partial.map((entry) => entry.uri), ['file:///work/bad.tsx']);
  });
}

test('editing a TypeScript file incrementally gives what a fresh analysis gives', async () => {
  const file = path.join(typescriptFixtures, 'WD104_penalty_dropped.ts');
  const original = readFileSync(file, 'utf8').split('\n');
  const uri = pathToFileURL(file).href;
  const editing = await WorkspaceAnalyzer.create();
  const variants = [
    ['', ...original], // every statement moves down a line
    ['', ...original.slice(0, 12), ...original.slice(13)], // the first penalty is gone
    ['', ...original.slice(0, 12), original[12], ...original.slice(12)], // ... and back twice
    original,
  ];
  for (const lines of variants) {
    const text = lines.join('\n');
    editing.setFile(uri, text, { incremental: true });
    const fresh = await WorkspaceAnalyzer.create();
    fresh.setFile(uri, text);
    const summarize = (analyzer: WorkspaceAnalyzer) => {
      const result = analyzer.analyze();
      return { findings: result.findings, hovers: result.hovers().map((hover) => [hover.range, hover.markdown()]) };
    };
    assert.deepEqual(summarize(editing), summarize(fresh));
  }
  assert.deepEqual(
    editing.analyze().findings.map((finding) => `${path.basename(file)}:${finding.range.startLine + 1} ${finding.code}`),
    expectedFindings([file]),
  );
});
