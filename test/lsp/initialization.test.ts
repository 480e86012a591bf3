// What the real server asks of the client and tells it at start, by what the client declares: it
// registers for configuration changes only when the client can take a dynamic registration, and
// without a workspace folder it says once that only open documents are analysed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { ClientCapabilities } from 'vscode-languageserver-protocol';
import { pythonFixtures } from '../support/fixtures';
import { TestLspClient } from '../support/lspClient';

const ONLY_OPEN = /no workspace folder: only open documents are analysed/;
const seedText = readFileSync(path.join(pythonFixtures, 'ok_seed_pattern.py'), 'utf8');

async function registrationsWith(capabilities: ClientCapabilities): Promise<string[]> {
  const client = await TestLspClient.start({ capabilities });
  try {
    // Answered after the `initialized` notification, where the registration would be sent.
    await client.open('file:///virtual/seed.py', seedText);
    await client.waitForDiagnostics('file:///virtual/seed.py');
    return client.registrations;
  } finally {
    await client.stop();
  }
}

test('didChangeConfiguration is registered only with a client that declares dynamic registration for it', async () => {
  assert.deepEqual(await registrationsWith({ workspace: { configuration: true } }), []);
  assert.deepEqual(await registrationsWith({ workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } }), ['workspace/didChangeConfiguration']);
});

test('without a workspace folder, the log says once that only open documents are analysed', async () => {
  const client = await TestLspClient.start();
  try {
    await client.waitForLog(ONLY_OPEN);
    for (const name of ['a.py', 'b.py']) {
      const uri = `file:///virtual/${name}`;
      await client.open(uri, seedText);
      await client.waitForDiagnostics(uri);
    }
    assert.equal(client.logs.filter((line) => ONLY_OPEN.test(line)).length, 1);
  } finally {
    await client.stop();
  }
});
