// Jupyter notebooks through LSP notebook document sync: the real server gets a notebook's cells,
// analyses them as one module and answers on the cells (diagnostics, hovers, lenses, inlay hints).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TestLspClient, toUri } from '../support/lspClient';

const notebooks = path.resolve(__dirname, '..', 'fixtures', 'notebooks');

interface FixtureCell {
  kind: 'markdown' | 'code';
  text: string;
}

function fixtureCells(file: string): FixtureCell[] {
  const json = JSON.parse(readFileSync(path.join(notebooks, file), 'utf8')) as { cells: { cell_type: string; source: string[] }[] };
  return json.cells.map((cell) => ({ kind: cell.cell_type === 'code' ? 'code' : 'markdown', text: cell.source.join('') }));
}

const cellUri = (notebookUri: string, index: number) => `vscode-notebook-cell:${new URL(notebookUri).pathname}#cell${index}`;

function openNotebook(client: TestLspClient, uri: string, cells: FixtureCell[]): Promise<void> {
  return client.connection.sendNotification('notebookDocument/didOpen', {
    notebookDocument: {
      uri,
      notebookType: 'jupyter-notebook',
      version: 1,
      cells: cells.map((cell, index) => ({ kind: cell.kind === 'code' ? 2 : 1, document: cellUri(uri, index) })),
    },
    cellTextDocuments: cells.map((cell, index) => ({ uri: cellUri(uri, index), languageId: cell.kind === 'code' ? 'python' : 'markdown', version: 1, text: cell.text })),
  });
}

function lineIn(cells: FixtureCell[], index: number, needle: string): number {
  const line = cells[index].text.split('\n').findIndex((text) => text.includes(needle));
  assert.ok(line >= 0, `cell ${index} contains ${needle}`);
  return line;
}

const broken = fixtureCells('seed_broken.ipynb');
const fixed = fixtureCells('seed_fixed.ipynb');
const HELPER_CELL = 2;
const MODEL_CELL = 3;
const TRAINING_CELL = 5;
const writeLine = lineIn(broken, HELPER_CELL, "tf.add_to_collection('losses', decay)");
const sinkLine = lineIn(broken, TRAINING_CELL, '.minimize(cross_entropy)');

describe('notebooks over notebook document sync', () => {
  let client: TestLspClient;
  before(async () => {
    client = await TestLspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('the seed bug across cells is reported on its cell, explained on hover, and goes away when a cell is fixed', async () => {
    const uri = 'file:///virtual/seed.ipynb';
    await openNotebook(client, uri, broken);
    const [diagnostic, ...rest] = await client.waitForDiagnostics(cellUri(uri, HELPER_CELL), (d) => d.length > 0);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.code, 'WD101');
    assert.equal(diagnostic.range.start.line, writeLine);
    assert.equal(diagnostic.range.start.character, broken[HELPER_CELL].text.split('\n')[writeLine].indexOf('tf.add_to_collection'));
    const sink = diagnostic.relatedInformation?.find((info) => info.location.uri === cellUri(uri, TRAINING_CELL));
    assert.ok(sink, 'the optimizer, in another cell, is related information on that cell');
    assert.equal(sink.location.range.start.line, sinkLine);
    assert.deepEqual(await client.waitForDiagnostics(cellUri(uri, TRAINING_CELL)), [], 'other cells get an empty list');

    const hover = await client.hover(cellUri(uri, HELPER_CELL), writeLine, broken[HELPER_CELL].text.split('\n')[writeLine].indexOf('add_to_collection') + 2);
    assert.ok(hover, 'a hover on the collection call in the cell');
    assert.match(hover.contents.value, /losses/);
    const hoverRange = (hover as unknown as { range: { start: { line: number } } }).range;
    assert.equal(hoverRange.start.line, writeLine, 'the hover range is in cell coordinates');
    assert.equal(await client.hover(cellUri(uri, 0), 0, 2), null, 'a markdown cell has no hover');

    // The quick fix edits the training cell, where the optimizer is.
    const actions = await client.request<{ title: string; edit?: { changes: Record<string, unknown[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: cellUri(uri, HELPER_CELL) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const sum = actions.find((action) => action.title.startsWith('Minimize'));
    assert.ok(sum?.edit, `a WD101 fix among ${actions.map((action) => action.title).join(', ')}`);
    assert.deepEqual(Object.keys(sum.edit.changes), [cellUri(uri, TRAINING_CELL)]);

    await client.connection.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri, version: 2 },
      change: { cells: { textContent: [{ document: { uri: cellUri(uri, TRAINING_CELL), version: 2 }, changes: [{ text: fixed[4].text }] }] } },
    });
    assert.deepEqual(await client.waitForDiagnostics(cellUri(uri, HELPER_CELL), (d) => d.length === 0), []);
  });

  test('lenses and inlay hints of a cell are in that cell', async () => {
    // The fixed notebook: decay reaches the optimizer, so its per-step factor is known.
    const uri = 'file:///virtual/hints.ipynb';
    const fixedTrainingCell = 4;
    await openNotebook(client, uri, fixed);
    await client.waitForDiagnostics(cellUri(uri, HELPER_CELL));
    const lenses = await client.request<{ range: { start: { line: number } }; command?: { arguments?: { uri: string; line: number }[] } }[]>('textDocument/codeLens', {
      textDocument: { uri: cellUri(uri, fixedTrainingCell) },
    });
    assert.deepEqual(
      lenses.map((lens) => lens.range.start.line),
      [lineIn(fixed, fixedTrainingCell, '.minimize(total_loss)')],
      'a sweep lens above the optimizer, in cell coordinates',
    );
    // The command runs on the notebook's module: its URI and line there.
    const target = lenses[0].command?.arguments?.[0];
    assert.equal(target?.uri, uri);

    const hints = await client.request<{ position: { line: number }; label: unknown }[]>('textDocument/inlayHint', {
      textDocument: { uri: cellUri(uri, MODEL_CELL) },
      range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
    });
    const decayLines = fixed[MODEL_CELL].text.split('\n').flatMap((text, line) => (text.includes('wd=0.002') ? [line] : []));
    assert.deepEqual([...new Set(hints.map((hint) => hint.position.line))].sort((a, b) => a - b), decayLines, 'a per-step factor on each decay line of the cell');
  });

  test('closing a notebook clears its cells', async () => {
    const uri = 'file:///virtual/closed.ipynb';
    await openNotebook(client, uri, broken);
    await client.waitForDiagnostics(cellUri(uri, HELPER_CELL), (d) => d.length > 0);
    await client.connection.sendNotification('notebookDocument/didClose', {
      notebookDocument: { uri },
      cellTextDocuments: broken.map((_, index) => ({ uri: cellUri(uri, index) })),
    });
    assert.deepEqual(await client.waitForDiagnostics(cellUri(uri, HELPER_CELL), (d) => d.length === 0), []);
  });
});

describe('a notebook importing a module of its workspace folder', () => {
  let client: TestLspClient;
  const folder = path.join(notebooks, 'import_module');
  before(async () => {
    client = await TestLspClient.start({ workspaceFolder: folder });
    await client.waitForLog(/indexed/);
  });
  after(async () => {
    await client.stop();
  });

  test('the decay in the .py module is reported, with the optimizer in the cell as related information', async () => {
    const uri = toUri(path.join(folder, 'train.ipynb'));
    const cells = fixtureCells(path.join('import_module', 'train.ipynb'));
    await openNotebook(client, uri, cells);
    const layers = toUri(path.join(folder, 'layers.py'));
    const [diagnostic] = await client.waitForDiagnostics(layers, (d) => d.some((candidate) => candidate.relatedInformation?.some((info) => info.location.uri.startsWith('vscode-notebook-cell:'))));
    assert.equal(diagnostic.code, 'WD101');
    const sink = diagnostic.relatedInformation!.find((info) => info.location.uri === cellUri(uri, 1));
    assert.ok(sink);
    assert.equal(sink.location.range.start.line, lineIn(cells, 1, '.minimize('));
  });
});
