// Jupyter notebooks: reading nbformat 4 JSON into code cells, IPython lines blanked without moving
// anything, the line map back to cells, positions inside the .ipynb file, and the notebook
// fixtures (test/fixtures/notebooks) analysed as real programs with `# expect:` lines in cells.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { parseNotebook, readNotebookFile } from '../../server/src/notebooks/ipynb';
import { NotebookFilePositions } from '../../server/src/notebooks/ipynbPositions';
import { blankMagics } from '../../server/src/notebooks/magics';
import { buildNotebookModule, type CodeCell, type NotebookLineMap } from '../../server/src/notebooks/notebookModule';
import { WorkspaceAnalyzer } from '../../server/src/workspaceAnalyzer';
import { expectedCodes, expectedFindings, notebookFixtures, notebookWorkspaces } from '../support/fixtures';
import { tempFolder } from '../support/tempFolder';

function notebookJson(cells: { cell_type: string; source: unknown; metadata?: unknown }[], metadata: unknown = { kernelspec: { language: 'python', name: 'python3' } }): string {
  return JSON.stringify({ cells: cells.map((cell) => ({ metadata: {}, ...cell })), metadata, nbformat: 4, nbformat_minor: 5 }, null, 1);
}

function cellsOf(json: string): CodeCell[] {
  const parsed = parseNotebook(json);
  assert.ok('cells' in parsed, `parsed: ${JSON.stringify(parsed)}`);
  return parsed.cells;
}

function skipReason(json: string): string {
  const parsed = parseNotebook(json);
  assert.ok('skipped' in parsed, 'the notebook is skipped');
  return parsed.skipped;
}

describe('reading .ipynb JSON', () => {
  test('code cells in order, sources as a list of lines or one string; markdown and raw cells left out', () => {
    const cells = cellsOf(
      notebookJson([
        { cell_type: 'markdown', source: ['# Title\n', 'text'] },
        { cell_type: 'code', source: ['import torch\n', 'x = 1\n'] },
        { cell_type: 'raw', source: 'not code' },
        { cell_type: 'code', source: 'y = 2\nz = 3' },
      ]),
    );
    assert.deepEqual(cells, [
      { cell: 1, source: 'import torch\nx = 1\n' },
      { cell: 3, source: 'y = 2\nz = 3' },
    ]);
  });

  test('a cell VS Code marks as another language is left out', () => {
    const cells = cellsOf(
      notebookJson([
        { cell_type: 'code', source: 'SELECT 1', metadata: { vscode: { languageId: 'sql' } } },
        { cell_type: 'code', source: 'a = 1', metadata: { vscode: { languageId: 'python' } } },
      ]),
    );
    assert.deepEqual(cells.map((cell) => cell.cell), [1]);
  });

  test('what is not a Python notebook is a skip reason', () => {
    assert.match(skipReason('{"cells": ['), /^not a valid notebook: invalid JSON/);
    assert.equal(skipReason('{"name": "package", "version": "1.0.0"}'), 'not a Jupyter notebook (no "cells" list)');
    assert.equal(skipReason('[1, 2]'), 'not a Jupyter notebook (no "cells" list)');
    assert.equal(skipReason('null'), 'not a Jupyter notebook (no "cells" list)');
    assert.match(skipReason('{"nbformat": 3, "worksheets": []}'), /nbformat 3 notebooks are not supported/);
    assert.equal(skipReason(notebookJson([], { kernelspec: { language: 'R', name: 'ir' } })), "the notebook's language is R, not Python");
    assert.equal(skipReason(notebookJson([], { language_info: { name: 'julia' } })), "the notebook's language is julia, not Python");
    assert.match(skipReason(notebookJson([{ cell_type: 'code', source: 42 }])), /^cell 1: "source" is neither a string nor a list of strings$/);
    assert.match(skipReason('{"cells": [7]}'), /^cell 1 is not a notebook cell/);
  });

  test('a notebook without language metadata is taken as Python', () => {
    assert.equal(cellsOf(notebookJson([{ cell_type: 'code', source: 'a = 1' }], {})).length, 1);
  });

  test('files: malformed, and code cells over the size limit, are skipped with a reason', async (t) => {
    const folder = tempFolder(t, 'decay-lens-nb-');
    const malformed = path.join(folder, 'broken.ipynb');
    writeFileSync(malformed, '{"cells": [{"cell_type": "code", "source": [');
    const read = await readNotebookFile(malformed);
    assert.ok('skipped' in read && /invalid JSON/.test(read.skipped));
    const huge = path.join(folder, 'huge.ipynb');
    writeFileSync(huge, notebookJson([{ cell_type: 'code', source: `x = 1  # ${'-'.repeat(1100 * 1024)}\n` }]));
    const big = await readNotebookFile(huge);
    assert.ok('skipped' in big && /^its code cells: larger than the 1 MiB limit/.test(big.skipped), JSON.stringify('skipped' in big && big.skipped));
  });
});

describe('IPython lines', () => {
  test('magics, shell escapes and help requests are blanked, line for line', () => {
    const lines = ['%matplotlib inline', '!pip install torch', 'files = !ls', 'torch.load?', '?torch', 'import torch', 'x = 10 % 3'];
    assert.deepEqual(blankMagics(lines), ['', '', '', '', '', 'import torch', 'x = 10 % 3']);
  });

  test('a python cell magic keeps its body, any other cell magic blanks the cell', () => {
    assert.deepEqual(blankMagics(['%%time', 'y = f(x)']), ['', 'y = f(x)']);
    assert.deepEqual(blankMagics(['%%bash', 'echo hi', 'ls']), ['', '', '']);
  });

  test('an indented magic leaves a `pass`, so its block is still a block', () => {
    assert.deepEqual(blankMagics(['for i in range(3):', '    %time step(i)']), ['for i in range(3):', '    pass']);
  });

  test('text inside strings and brackets is left alone; a continued shell line is blanked too', () => {
    const docstring = ['def f():', '    """Help?', '%d items', '!important', '    """', '    return 1'];
    assert.deepEqual(blankMagics(docstring), docstring);
    const modulo = ['total = (count', '    % size)'];
    assert.deepEqual(blankMagics(modulo), modulo);
    assert.deepEqual(blankMagics(['!pip install \\', '    torch', 'x = 1']), ['', '', 'x = 1']);
  });

  test('a notebook full of IPython syntax parses without errors', async () => {
    const module = buildNotebookModule([
      { cell: 0, source: '%load_ext autoreload\n%autoreload 2\nimport torch\n' },
      { cell: 1, source: '%%timeit\nfor step in range(3):\n    %time torch.ones(3)\n' },
      { cell: 2, source: '!nvidia-smi\nout = !ls\ntorch.ones?\n' },
    ]);
    const analyzer = await WorkspaceAnalyzer.create();
    analyzer.setFile('file:///virtual/magics.ipynb', module.text);
    const result = analyzer.analyze();
    assert.deepEqual(result.partial, []);
    assert.deepEqual(result.skipped, []);
  });
});

describe('the line map', () => {
  const module = buildNotebookModule([
    { cell: 1, source: 'a = 1\nb = 2\n' },
    { cell: 2, source: '' },
    { cell: 4, source: 'c = 3\r\nd = 4' },
    // A lone CR ends a line for editors and Python: the cell has three lines.
    { cell: 5, source: 'e = 5\rf = 6\ng = 7' },
  ]);

  test('the module is the code cells one after another', () => {
    assert.equal(module.text, 'a = 1\nb = 2\nc = 3\nd = 4\ne = 5\nf = 6\ng = 7\n');
    assert.deepEqual(module.lines.cells, [1, 4, 5], 'an empty cell adds no lines');
  });

  test('module lines to cells and back', () => {
    assert.deepEqual([0, 1, 2, 3].map((line) => module.lines.toCell(line)), [
      { cell: 1, line: 0 },
      { cell: 1, line: 1 },
      { cell: 4, line: 0 },
      { cell: 4, line: 1 },
    ]);
    assert.deepEqual([5, 6].map((line) => module.lines.toCell(line)), [
      { cell: 5, line: 1 },
      { cell: 5, line: 2 },
    ]);
    assert.equal(module.lines.toCell(7), undefined);
    assert.equal(module.lines.toModuleLine(4, 1), 3);
    assert.equal(module.lines.toModuleLine(1, 2), undefined, 'past the cell');
    assert.equal(module.lines.toModuleLine(0, 0), undefined, 'not a code cell');
  });

  test('ranges: within a cell as they are, running past a cell cut at its end', () => {
    assert.deepEqual(module.lines.rangeToCell({ startLine: 3, startColumn: 0, endLine: 3, endColumn: 5 }), {
      cell: 4,
      range: { startLine: 1, startColumn: 0, endLine: 1, endColumn: 5 },
    });
    assert.deepEqual(module.lines.rangeToCell({ startLine: 1, startColumn: 4, endLine: 2, endColumn: 1 }), {
      cell: 1,
      range: { startLine: 1, startColumn: 4, endLine: 1, endColumn: 5 },
    });
  });
});

describe('positions inside the .ipynb file', () => {
  test('list and string sources, escapes and \\u escapes map to the right file columns', () => {
    const json = String.raw`{
 "cells": [
  {"cell_type": "markdown", "metadata": {}, "source": ["skip \"me\""]},
  {"cell_type": "code", "metadata": {}, "source": [
   "s = \"q\\\"uote\"\n",
   "\u00e9t\u00e9 = 2\n",
   "last = 1"
  ]},
  {"cell_type": "code", "metadata": {}, "source": "one = 1\ntwo = \"2\""}
 ],
 "metadata": {}, "nbformat": 4, "nbformat_minor": 5
}`;
    assert.deepEqual(cellsOf(json), [
      { cell: 1, source: 's = "q\\"uote"\nété = 2\nlast = 1' },
      { cell: 2, source: 'one = 1\ntwo = "2"' },
    ]);
    const positions = NotebookFilePositions.scan(json);
    assert.ok(positions);
    const fileLines = json.split('\n');
    const at = (cell: number, line: number, column: number) => {
      const position = positions.position(cell, line, column);
      assert.ok(position, `cell ${cell} line ${line} column ${column} is in the file`);
      return fileLines[position.line].slice(position.column);
    };
    assert.ok(at(1, 0, 0).startsWith(String.raw`s = \"q\\\"uote\"`));
    assert.ok(at(1, 0, 4).startsWith(String.raw`\"q`));
    assert.ok(at(1, 0, 6).startsWith(String.raw`\\\"uote`), 'after escapes the file column is ahead of the cell column');
    assert.ok(at(1, 0, 99).startsWith(String.raw`\n"`), 'a column past the line is its end');
    assert.ok(at(1, 1, 1).startsWith(String.raw`t\u00e9 = 2`));
    assert.ok(at(1, 1, 3).startsWith(' = 2'));
    assert.ok(at(1, 2, 0).startsWith('last = 1"'));
    assert.ok(at(2, 1, 0).startsWith(String.raw`two = \"2\""`), 'a string source: the second line in the same JSON string');
    assert.equal(positions.position(0, 0, 0)?.line, 2, 'a markdown cell has positions too');
    assert.equal(positions.position(7, 0, 0), undefined);
  });

  test('text that is not notebook JSON gives no positions, not an exception', () => {
    assert.equal(NotebookFilePositions.scan('{"cells": [{"source": ['), undefined);
  });
});

// ---------------------------------------------------------------------------------------------
// Fixtures: each notebook alone, each folder (notebooks and .py modules) as one workspace.

/** `file:cell N:line CODE` for each `# expect:` line of a notebook's code cells, `file:line CODE` in .py files. */
function expectedInWorkspace(files: string[]): string[] {
  const expected = expectedFindings(files.filter((file) => file.endsWith('.py')));
  for (const file of files.filter((candidate) => candidate.endsWith('.ipynb'))) {
    for (const { cell, source } of cellsOf(readFileSync(file, 'utf8'))) {
      source.split('\n').forEach((line, index) => {
        const where = `${path.basename(file)}:cell ${cell + 1}:${index + 1}`;
        for (const code of expectedCodes(line, '#', where)) expected.push(`${where} ${code}`);
      });
    }
  }
  return expected.sort();
}

describe('notebook fixtures', () => {
  for (const workspace of notebookWorkspaces()) {
    test(workspace.name, async () => {
      const analyzer = await WorkspaceAnalyzer.create();
      const maps = new Map<string, NotebookLineMap>();
      for (const file of workspace.files) {
        const uri = pathToFileURL(file).href;
        if (file.endsWith('.ipynb')) {
          const notebook = await readNotebookFile(file);
          assert.ok(!('skipped' in notebook), `${file} is read`);
          analyzer.setFile(uri, notebook.text);
          maps.set(uri, notebook.lines);
        } else analyzer.setFile(uri, readFileSync(file, 'utf8'));
      }
      const result = analyzer.analyze();
      assert.deepEqual(result.partial, [], 'every cell parses');
      const actual = result.findings
        .map((finding) => {
          const name = path.basename(new URL(finding.uri).pathname);
          const inCell = maps.get(finding.uri)?.rangeToCell(finding.range);
          return inCell ? `${name}:cell ${inCell.cell + 1}:${inCell.range.startLine + 1} ${finding.code}` : `${name}:${finding.range.startLine + 1} ${finding.code}`;
        })
        .sort();
      assert.deepEqual(actual, expectedInWorkspace(workspace.files));
    });
  }

  test('the fixtures include a broken notebook, its fix and a notebook importing a module', () => {
    const names = notebookWorkspaces().map((workspace) => workspace.name);
    for (const name of ['seed_broken.ipynb', 'seed_fixed.ipynb', 'import_module']) assert.ok(names.includes(name), name);
    assert.ok(expectedInWorkspace([path.join(notebookFixtures, 'seed_broken.ipynb')]).length > 0);
    assert.deepEqual(expectedInWorkspace([path.join(notebookFixtures, 'seed_fixed.ipynb')]), []);
  });
});
