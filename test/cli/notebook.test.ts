// `decay-lens check` on Jupyter notebooks: positions printed per cell (`path.ipynb:cell 3:5:9`),
// a `cell` field in JSON, SARIF regions inside the .ipynb file, notebooks importing .py modules,
// and notebooks that cannot be read skipped with a reason.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { assertExit, cli, ROOT } from '../support/cli';
import { tempFolder } from '../support/tempFolder';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'notebooks');
const WRITE = "tf.add_to_collection('losses', decay)";
const SINK = 'tf.train.GradientDescentOptimizer(0.05).minimize(cross_entropy)';

/** 1-based cell, line and column of `needle` in a fixture notebook, as a person counts them. */
function cellPosition(file: string, needle: string): { cell: number; line: number; column: number } {
  const cells = (JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as { cells: { source: string[] }[] }).cells;
  for (const [cell, { source }] of cells.entries()) {
    const lines = source.join('').split('\n');
    const line = lines.findIndex((text) => text.includes(needle));
    if (line >= 0) return { cell: cell + 1, line: line + 1, column: lines[line].indexOf(needle) + 1 };
  }
  assert.fail(`${file} contains ${needle}`);
}

describe('decay-lens check on notebooks', () => {
  test('text: the finding and its related locations are printed per cell; exit 1', () => {
    const result = cli(['check', 'seed_broken.ipynb'], FIXTURES);
    assertExit(result, 1);
    const write = cellPosition('seed_broken.ipynb', WRITE);
    const sink = cellPosition('seed_broken.ipynb', SINK);
    const lines = result.stdout.split('\n');
    assert.ok(lines[0].startsWith(`seed_broken.ipynb:cell ${write.cell}:${write.line}:${write.column}: warning WD101 `), lines[0]);
    assert.ok(lines.includes(`    seed_broken.ipynb:cell ${sink.cell}:${sink.line}:${sink.column}: \`minimize\` minimizes \`cross_entropy\`, without the 'losses' collection`), result.stdout);
    assert.match(result.stdout, /^1 finding in 1 file$/m);
  });

  test('the fixed notebook is silent; exit 0', () => {
    const result = cli(['check', 'seed_fixed.ipynb'], FIXTURES);
    assertExit(result, 0);
    assert.equal(result.stdout, 'No findings in 1 file.\n');
  });

  test('json: a cell field and ranges within the cell, for the finding, related locations and fix edits', () => {
    const result = cli(['check', '--format', 'json', 'seed_broken.ipynb'], FIXTURES);
    assertExit(result, 1);
    type Place = { cell?: number; range: { startLine: number; startColumn: number } };
    const report = JSON.parse(result.stdout) as {
      findings: (Place & { code: string; path: string; related: Place[]; fixes: { edits: (Place & { newText: string })[] }[] })[];
    };
    const [finding] = report.findings;
    const write = cellPosition('seed_broken.ipynb', WRITE);
    const sink = cellPosition('seed_broken.ipynb', SINK);
    assert.equal(finding.code, 'WD101');
    assert.equal(finding.path, 'seed_broken.ipynb');
    assert.equal(finding.cell, write.cell);
    assert.deepEqual([finding.range.startLine, finding.range.startColumn], [write.line - 1, write.column - 1]);
    assert.ok(finding.related.some((related) => related.cell === sink.cell && related.range.startLine === sink.line - 1));
    // The fix sums the collection before the optimizer's statement and minimizes the sum, in the optimizer's cell.
    const [insertion, lossArgument] = finding.fixes[0].edits;
    assert.deepEqual([insertion.cell, insertion.range.startLine, insertion.range.startColumn], [sink.cell, sink.line - 1, 0]);
    assert.deepEqual([lossArgument.cell, lossArgument.range.startLine, lossArgument.newText], [sink.cell, sink.line - 1, 'total_loss']);
  });

  test('sarif: regions point at the code inside the .ipynb file, with the cell as a property', () => {
    const result = cli(['check', '--format', 'sarif', 'seed_broken.ipynb'], FIXTURES);
    assertExit(result, 1);
    const log = JSON.parse(result.stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number }; properties: { cell: number } } }[] }[] }[];
    };
    const [location] = log.runs[0].results[0].locations;
    const { region } = location.physicalLocation;
    assert.equal(location.physicalLocation.artifactLocation.uri, 'seed_broken.ipynb');
    assert.equal(location.physicalLocation.properties.cell, cellPosition('seed_broken.ipynb', WRITE).cell);
    const fileLine = readFileSync(path.join(FIXTURES, 'seed_broken.ipynb'), 'utf8').split('\n')[region.startLine - 1];
    assert.equal(region.endLine, region.startLine);
    assert.equal(fileLine.slice(region.startColumn - 1, region.endColumn - 1), WRITE);
  });

  test('a notebook importing a .py module of its folder is one program with it', () => {
    const result = cli(['check', 'import_module'], FIXTURES);
    assertExit(result, 1);
    const layers = readFileSync(path.join(FIXTURES, 'import_module', 'layers.py'), 'utf8').split('\n');
    const writeLine = layers.findIndex((line) => line.includes(WRITE)) + 1;
    const sink = cellPosition(path.join('import_module', 'train.ipynb'), '.minimize(cross_entropy)');
    assert.match(result.stdout, new RegExp(`^import_module/layers\\.py:${writeLine}:\\d+: warning WD101 `, 'm'));
    assert.match(result.stdout, new RegExp(`^    import_module/train\\.ipynb:cell ${sink.cell}:${sink.line}:\\d+: \`minimize\``, 'm'));
    assert.match(result.stdout, /^1 finding in 2 files$/m);
  });

  test('notebooks that cannot be analysed are skipped with a reason; the others still are', (t) => {
    const folder = tempFolder(t, 'decay-lens-nb-cli-');
    cpSync(path.join(FIXTURES, 'seed_broken.ipynb'), path.join(folder, 'seed.ipynb'));
    writeFileSync(path.join(folder, 'truncated.ipynb'), '{"cells": [{"cell_type": "code", "source": ["import tensorflow');
    writeFileSync(path.join(folder, 'package.ipynb'), '{"name": "not a notebook"}');
    writeFileSync(path.join(folder, 'stats.ipynb'), JSON.stringify({ cells: [], metadata: { kernelspec: { language: 'R' } }, nbformat: 4, nbformat_minor: 5 }));

    const text = cli(['check', '.'], folder);
    assertExit(text, 1);
    assert.match(text.stderr, /^skipped truncated\.ipynb: not a valid notebook: invalid JSON \(.+\)$/m);
    assert.match(text.stderr, /^skipped package\.ipynb: not a Jupyter notebook \(no "cells" list\)$/m);
    assert.match(text.stderr, /^skipped stats\.ipynb: the notebook's language is R, not Python$/m);
    assert.match(text.stdout, /^seed\.ipynb:cell 3:/m);
    assert.match(text.stdout, /^1 finding in 1 file \(3 skipped\)$/m);

    const json = JSON.parse(cli(['check', '--format', 'json', 'truncated.ipynb'], folder).stdout) as { skipped: { path: string; reason: string }[]; filesChecked: number };
    assert.equal(json.filesChecked, 0);
    assert.deepEqual(json.skipped.map((entry) => entry.path), ['truncated.ipynb']);
  });

  test('a syntax error in a cell is located by cell, and the rest is analysed', (t) => {
    const folder = tempFolder(t, 'decay-lens-nb-cli-');
    const cells = [
      { cell_type: 'code', metadata: {}, source: 'import torch\n' },
      { cell_type: 'markdown', metadata: {}, source: 'Notes' },
      { cell_type: 'code', metadata: {}, source: 'a = 1\nb = (2,\n' },
    ];
    writeFileSync(path.join(folder, 'unfinished.ipynb'), JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 4 }));
    const result = cli(['check', 'unfinished.ipynb'], folder);
    assertExit(result, 0);
    assert.match(result.stderr, /^partly analysed unfinished\.ipynb: syntax error at cell 3, line 2; /m);
  });
});
