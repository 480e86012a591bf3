// Very long (not deep) input is analysed: nothing spreads an unbounded array into a call's
// arguments, which overflows the stack at around 100,000 items.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildNotebookModule } from '../../server/src/notebooks/notebookModule';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';

const ITEMS = 140_000;

function reasonsFor(analyzer: WorkspaceAnalyzer, uri: string): string[] {
  const result = analyzer.analyze();
  return [...result.partial, ...result.skipped].filter((entry) => entry.uri === uri).map((entry) => entry.reason);
}

test('a notebook cell of 150,000 lines becomes a module and is analysed', async () => {
  const source = Array.from({ length: 150_000 }, (_, i) => (i % 1000 === 0 ? '%time x' : `x${i % 10}`)).join('\n');
  const notebook = buildNotebookModule([{ cell: 0, source }]);
  assert.equal(notebook.text.split('\n').length, 150_001);
  assert.deepEqual(notebook.lines.toCell(149_999), { cell: 0, line: 149_999 });
  const analyzer = await WorkspaceAnalyzer.create();
  const uri = 'file:///work/long.ipynb';
  analyzer.setFile(uri, notebook.text);
  assert.deepEqual(reasonsFor(analyzer, uri), []);
});

test(`Python lines of ${ITEMS} items are analysed without a skip`, async () => {
  const analyzer = await WorkspaceAnalyzer.create();
  const list = 'file:///work/list.py';
  const bare = 'file:///work/bare.py';
  analyzer.setFile(list, `x = [${'a,'.repeat(ITEMS)}]\n`);
  // Without brackets it is an error node whose many children become statements.
  analyzer.setFile(bare, 'a,'.repeat(ITEMS));
  assert.deepEqual(reasonsFor(analyzer, list), []);
  assert.ok(reasonsFor(analyzer, bare).every((reason) => !reason.startsWith('could not be parsed')), 'the bare list is parsed');
});

test(`a Python else block of ${ITEMS} statements is not "nested too deeply"`, async () => {
  const analyzer = await WorkspaceAnalyzer.create();
  const uri = 'file:///work/branches.py';
  analyzer.setFile(uri, `if c:\n pass\nelse:\n${' x\n'.repeat(ITEMS)}`);
  assert.deepEqual(reasonsFor(analyzer, uri), []);
});

test(`a TypeScript else block of ${ITEMS} statements is not "nested too deeply"`, async () => {
  const analyzer = await WorkspaceAnalyzer.create();
  const uri = 'file:///work/branches.ts';
  // A nested block, without semicolons: few enough syntax nodes to stay within the node budget.
  analyzer.setFile(uri, `if (c) {} else {{\n${'x\n'.repeat(ITEMS)}}}\n`);
  assert.deepEqual(reasonsFor(analyzer, uri), []);
});

test(`a broken line of ${ITEMS} items beside classes whose constructions the analysis reads`, async () => {
  const analyzer = await WorkspaceAnalyzer.create();
  const uri = 'file:///work/constructed.py';
  // Reading self.decay looks up the constructions of Layer, which walks every expression of the module.
  const layer = 'class Layer:\n    def __init__(self, decay=0.0):\n        self.decay = decay\n\n    def penalty(self, w):\n        if self.decay:\n            return self.decay * (w ** 2).sum()\n\n';
  analyzer.setFile(uri, `${layer}Layer(0.1)\n`);
  analyzer.analyze();
  // The edit's analysis compares the construction sites of every module with the last run's.
  analyzer.setFile(uri, `${layer}Layer(0.1)\nhuge = ${', 1'.repeat(ITEMS)}\n`);
  assert.deepEqual(reasonsFor(analyzer, uri), ['syntax error at line 10; the rest of the file was analysed']);
});

// Found by the long fuzz run: each shorter prefix of such an import was joined again while looking
// for its module (50 s for this file). Like the fuzz tests, only a hang fails on time.
test(`an import line of ${ITEMS / 2} dotted parts made by error recovery is resolved at once`, { timeout: 20_000 }, async () => {
  const analyzer = await WorkspaceAnalyzer.create();
  const uri = 'file:///work/dotted.py';
  analyzer.setFile(uri, `import tensorflow as tf\nfrom lay\nhuge = ${'.b'.repeat(ITEMS / 2)}\ners import inference\n`);
  assert.deepEqual(reasonsFor(analyzer, uri), ['syntax error at lines 4 and 3; the rest of the file was analysed']);
});
