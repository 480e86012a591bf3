// The real server with a workspace folder named with non-ASCII characters and parentheses, whose
// files a client opens under its own spelling of their URIs (VS Code's, Neovim's), not Node's: the
// open buffer is the indexed module. One set of diagnostics, in the client's spelling; an edit
// clears it; the quick fix, named in the client's spelling, applies.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { pythonFixtures } from '../support/fixtures';
import { TestLspClient, toUri } from '../support/lspClient';
import { tempFolder } from '../support/tempFolder';
import { neovimFileUri, vscodeFileUri } from '../support/uriSpellings';

const seedText = readFileSync(path.join(pythonFixtures, 'ok_seed_pattern.py'), 'utf8');
const seedLines = seedText.split('\n');
const sumLine = seedLines.findIndex((line) => line.includes("return tf.add_n(tf.get_collection('losses')"));
const decayLine = seedLines.findIndex((line) => line.includes('wd=0.004'));
const brokenSum = '    return cross_entropy_mean';
/** The seed pattern with its sum removed: a WD101. */
const brokenText = seedLines.map((line, i) => (i === sumLine ? brokenSum : line)).join('\n');

test('a file opened under a client spelling of its URI is the indexed module: one set of diagnostics, edits and the quick fix apply', async (t) => {
  const folder = path.join(tempFolder(t, 'decay-lens-uris-'), "Prüfung (α) & Co's $1,+;=!@:x");
  mkdirSync(folder);
  const spellings = { 'neovim.py': neovimFileUri, 'vscode.py': vscodeFileUri };
  for (const name of Object.keys(spellings)) writeFileSync(path.join(folder, name), brokenText);
  const client = await TestLspClient.start({ workspaceFolder: folder });
  try {
    await client.waitForLog(/indexed 2 files/);
    for (const [name, spell] of Object.entries(spellings)) {
      const indexedUri = toUri(path.join(folder, name));
      const clientUri = spell(path.join(folder, name));
      assert.notEqual(clientUri, indexedUri);
      // Indexed before any client spelling is known: published under Node's.
      await client.waitForDiagnostics(indexedUri, (d) => d.length === 1);

      await client.open(clientUri, brokenText);
      const [diagnostic, ...others] = await client.waitForDiagnostics(clientUri, (d) => d.length > 0);
      assert.deepEqual([diagnostic.code, others.length], ['WD101', 0]);
      assert.ok(diagnostic.relatedInformation?.every((info) => info.location.uri === clientUri), JSON.stringify(diagnostic.relatedInformation));
      // One set: the indexed copy's, published under Node's spelling, is cleared.
      await client.waitForDiagnostics(indexedUri, (d) => d.length === 0);
      const hover = await client.hover(clientUri, decayLine, seedLines[decayLine].indexOf('0.004') + 1);
      assert.match(hover?.contents.value ?? '', /Weight decay flow/);

      // An edit restoring the sum clears it; removing it again brings it back.
      await client.replaceLine(clientUri, 2, sumLine, brokenSum.length, seedLines[sumLine]);
      await client.waitForDiagnostics(clientUri, (d) => d.length === 0);
      await client.replaceLine(clientUri, 3, sumLine, seedLines[sumLine].length, brokenSum);
      const [again] = await client.waitForDiagnostics(clientUri, (d) => d.length === 1);

      // The quick fix names the file as the client does, and applied it clears the finding.
      const [fix] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: clientUri }, range: again.range, context: { diagnostics: [again] } });
      assert.deepEqual(Object.keys(fix.edit?.changes ?? {}), [clientUri]);
      const fixed = TextDocument.applyEdits(TextDocument.create(clientUri, 'python', 3, brokenText), fix.edit!.changes![clientUri]);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: clientUri, version: 4 }, contentChanges: [{ text: fixed }] });
      await client.waitForDiagnostics(clientUri, (d) => d.length === 0);
      assert.deepEqual(await client.waitForDiagnostics(indexedUri), [] as Diagnostic[], 'nothing under the indexed spelling');
    }
  } finally {
    await client.stop();
  }
});
