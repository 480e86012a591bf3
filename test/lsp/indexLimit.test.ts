// decayLens.index.maxFiles: a workspace larger than the limit is indexed up to it (the first files in
// path order), and the user is told how many files were left out and what that costs.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_MAX_INDEXED_FILES } from '../../server/src/settings';
import { TestLspClient, toUri } from '../support/lspClient';
import { SPLIT_MODEL_MODULE, SPLIT_TRAINING_SCRIPT } from '../support/packageSources';
import { tempFolder } from '../support/tempFolder';

/** fit.py, net.py, other.py in path order: net.py's WD101 needs fit.py, which minimizes without the collection. */
function workspace(t: Parameters<typeof tempFolder>[0]): { folder: string; net: string } {
  const folder = tempFolder(t, 'decay-lens-index-limit-');
  writeFileSync(path.join(folder, 'fit.py'), SPLIT_TRAINING_SCRIPT);
  writeFileSync(path.join(folder, 'net.py'), SPLIT_MODEL_MODULE);
  writeFileSync(path.join(folder, 'other.py'), 'import os\nprint(os.getcwd())\n');
  return { folder, net: path.join(folder, 'net.py') };
}

test('past decayLens.index.maxFiles the first files are indexed, with a warning naming the setting and the count', async (t) => {
  const { folder } = workspace(t);
  const client = await TestLspClient.start({ workspaceFolder: folder, configuration: { index: { maxFiles: 1 } } });
  t.after(() => client.stop());
  await client.waitForLog(/^indexed 1 files/);
  const warning = await client.waitUntil(() => client.messages.find((message) => message.includes('decayLens.index.maxFiles')), 'the warning');
  assert.match(warning, /indexed 1 of the workspace's 3 Python and TypeScript\/JavaScript files \(decayLens\.index\.maxFiles is 1\)/);
  assert.match(warning, /may be missed/);
});

test('within the limit (the default here) every file is indexed, and nothing is said', async (t) => {
  const { folder, net } = workspace(t);
  const client = await TestLspClient.start({ workspaceFolder: folder });
  t.after(() => client.stop());
  await client.waitForLog(/^indexed 3 files/);
  const diagnostics = await client.waitForDiagnostics(toUri(net), (found) => found.length > 0);
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['WD101']);
  assert.ok(!client.messages.some((message) => message.includes('maxFiles')));
});

test('the manifest declares the limit the server applies by default', () => {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['decayLens.index.maxFiles'];
  assert.deepEqual({ type: setting.type, default: setting.default, minimum: setting.minimum }, { type: 'integer', default: DEFAULT_MAX_INDEXED_FILES, minimum: 0 });
});
