// The server's scan of a workspace folder on disk: links that loop, broken links, unreadable
// folders, binary and oversized files are skipped with a reason in the log, and the files that can
// be read are analysed as usual.
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pythonFixtures } from '../support/fixtures';
import { TestLspClient, toUri } from '../support/lspClient';
import { unprivileged } from '../support/permissions';

test('a workspace with hostile entries is indexed, each skipped entry logged with its reason', async (t) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-scan-'));
  chmodSync(folder, 0o755); // readable by a server run as another user
  mkdirSync(path.join(folder, 'pkg'));
  copyFileSync(path.join(pythonFixtures, 'WD101_missing_sum.py'), path.join(folder, 'pkg', 'model.py'));
  symlinkSync(folder, path.join(folder, 'pkg', 'loop'), 'dir');
  symlinkSync(path.join(folder, 'missing.py'), path.join(folder, 'dangling.py'));
  writeFileSync(path.join(folder, 'weights.py'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  writeFileSync(path.join(folder, 'generated.py'), '# padding\n'.repeat(210_000));
  mkdirSync(path.join(folder, 'locked'));
  writeFileSync(path.join(folder, 'locked', 'inside.py'), 'x = 1\n');
  chmodSync(path.join(folder, 'locked'), 0o000);
  // Root reads any folder whatever its mode (CI runs as root): then the server runs as nobody when it can.
  const runAs = unprivileged();
  // Noted, not skipped: everything else in this test still runs and must pass.
  if (typeof runAs === 'string') t.diagnostic(`${runAs}; the unreadable-folder check is not made`);
  const client = await TestLspClient.start({ workspaceFolder: folder, runAs: typeof runAs === 'string' ? {} : runAs });
  try {
    const diagnostics = await client.waitForDiagnostics(toUri(path.join(folder, 'pkg', 'model.py')), (d) => d.length > 0);
    assert.ok(diagnostics.some((d) => d.code === 'WD101'), JSON.stringify(diagnostics.map((d) => d.code)));
    await client.waitForLog(/skipped .*pkg\/loop: symbolic link to a folder/);
    await client.waitForLog(/skipped .*dangling\.py: broken symbolic link/);
    await client.waitForLog(/weights\.py: binary file/);
    await client.waitForLog(/generated\.py: larger than/);
    if (typeof runAs !== 'string') await client.waitForLog(/skipped .*locked: cannot read folder: permission denied/);
    assert.equal(client.process.exitCode, null, 'server still running');
  } finally {
    await client.stop();
    chmodSync(path.join(folder, 'locked'), 0o755);
    rmSync(folder, { recursive: true, force: true });
  }
});
