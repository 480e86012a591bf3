// Pathological input never throws: the analysis skips or cuts off what it cannot handle, says so,
// and still reports what the rest of the files show.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';
import { pythonFixtures } from '../support/fixtures';

const broken = readFileSync(path.join(pythonFixtures, 'WD101_missing_sum.py'), 'utf8');

const pathological: Record<string, string> = {
  'nested lists': `x = ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
  'nested parentheses': `x = ${'('.repeat(5000)}1${')'.repeat(5000)}\n`,
  'nested calls': `x = ${'tf.identity('.repeat(3000)}1${')'.repeat(3000)}\n`,
  'long sum': `x = ${Array(8000).fill('1').join(' + ')}\n`,
  'attribute chain': `x = a${'.b'.repeat(20000)}\n`,
  'unary chain': `x = ${'-'.repeat(20000)}1\n`,
  'string concatenation': `DATA = (${Array(6000).fill('"abc"').join(' +\n    ')})\n`,
  'unclosed everything': '(((( [[[ {{{ def f(:\n  class\n',
  'invalid surrogates': `x = '\ud800\udfff\udc00'\n`,
  'a 900 KB line': `x = '${'a'.repeat(900_000)}'\n`,
};

for (const [name, text] of Object.entries(pathological)) {
  test(`pathological input: ${name}`, async () => {
    const analyzer = await WorkspaceAnalyzer.create();
    analyzer.setFile('file:///work/bad.py', text);
    analyzer.setFile('file:///work/model.py', broken);
    const result = analyzer.analyze();
    assert.ok(result.findings.some((f) => f.code === 'WD101' && f.uri === 'file:///work/model.py'), 'the other file is still analysed');
    const reported = [...result.partial, ...result.skipped].map((entry) => entry.uri);
    if (!/surrogates|900 KB/.test(name)) assert.ok(reported.includes('file:///work/bad.py'), `${name} is reported as partly analysed`);
  });
}

test('a file that goes deep and back is analysed fully again', async () => {
  const analyzer = await WorkspaceAnalyzer.create();
  const uri = 'file:///work/edited.py';
  analyzer.setFile(uri, broken, { incremental: true });
  analyzer.setFile(uri, `${broken}\nx = ${'['.repeat(4000)}${']'.repeat(4000)}\n`, { incremental: true });
  assert.equal(analyzer.analyze().partial.length, 1);
  analyzer.setFile(uri, broken, { incremental: true });
  const result = analyzer.analyze();
  assert.equal(result.partial.length, 0);
  assert.deepEqual(result.findings.map((f) => f.code), ['WD101']);
});
