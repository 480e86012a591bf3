// Sweeps through the real server when things go wrong: the server keeps answering hovers and
// publishing diagnostics while a sweep trains, a sweep whose worker dies is reported with a clear
// message and the next sweep works, and a data file setting that leaves the workspace is refused.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SweepOutcome } from '../../server/src/protocol';
import { TestLspClient, toUri } from '../support/lspClient';
import { childrenOf, readCommand, waitFor } from '../support/processes';

describe('sweeps that fail, and the server around them', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-lsp-safety-'));
  cpSync(path.resolve(__dirname, '..', '..', 'examples', 'cifar10_broken'), folder, { recursive: true });
  const file = path.join(folder, 'cifar10.py');
  const uri = toUri(file);
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const sinkLine = lines.findIndex((line) => line.includes('compute_gradients('));
  const decayLine = lines.findIndex((line) => /wd=0\.004\)/.test(line) && !line.trimStart().startsWith('#'));
  let client: TestLspClient;

  const sweep = () => client.request<SweepOutcome | null>('workspace/executeCommand', { command: 'decayLens.runSweep', arguments: [{ uri, line: sinkLine }] });
  let configurationRequests = 0;
  /** New settings, once the server has fetched them (workspace/configuration). */
  const configure = async (settings: unknown) => {
    client.configuration = settings;
    const before = configurationRequests;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitUntil(() => (configurationRequests > before ? true : undefined), 'the server fetching the settings');
  };
  const workers = () => childrenOf(client.process.pid!).filter((pid) => /sweepWorker/.test(readCommand(pid)));

  before(async () => {
    client = await TestLspClient.start({ workspaceFolder: folder });
    client.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      configurationRequests++;
      return params.items.map(() => client.configuration);
    });
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (d) => d.length > 0);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('while a sweep trains, hovers are answered and edits are analysed; a killed worker is reported; the next sweep works', async () => {
    await configure({ sweep: { steps: 100_000 } });
    const progressBefore = client.progress.length;
    const running = sweep();
    let sweepSettled = false;
    running.then(
      () => (sweepSettled = true),
      () => (sweepSettled = true),
    );
    const sweepProgress = () => client.progress.slice(progressBefore);
    const token = await client.waitUntil(() => sweepProgress().find((p) => p.value.kind === 'begin')?.token, 'the long sweep beginning');
    await client.waitUntil(() => (sweepProgress().some((p) => p.token === token && p.value.kind === 'report') ? true : undefined), 'the long sweep training');
    /** The answers came while the sweep still trained: its request has not settled and its progress has not ended. */
    const assertSweepRunning = (what: string) => {
      assert.equal(sweepSettled, false, `${what} came after the sweep finished`);
      assert.ok(!sweepProgress().some((p) => p.token === token && p.value.kind === 'end'), `${what} came after the sweep's progress ended`);
    };

    const hover = await client.hover(uri, decayLine, lines[decayLine].indexOf('0.004') + 1);
    assert.match(hover?.contents.value ?? '', /Weight decay flow/);
    assertSweepRunning('the hover');
    // Silencing the finding's line: the new diagnostics come while the sweep still trains.
    const flagged = (await client.waitForDiagnostics(uri, (d) => d.length > 0))[0].range.start.line;
    await client.replaceLine(uri, 2, flagged, lines[flagged].length, `${lines[flagged]}  # decay-lens: ignore`);
    await client.waitForDiagnostics(uri, (d) => !d.some((diagnostic) => diagnostic.range.start.line === flagged));
    assertSweepRunning('the new diagnostics');

    // A worker dying (here: killed) ends the sweep with a message that says so.
    await waitFor(() => workers().length > 0, 10_000);
    for (const pid of workers()) process.kill(pid, 'SIGKILL');
    assert.equal(await running, null);
    await client.waitUntil(() => client.messages.find((message) => /^Decay sweep failed: sweep worker was killed by SIGKILL before finishing/.test(message)), 'the failure message');

    await configure({ sweep: { steps: 40 } });
    const next = await sweep();
    assert.ok(next, `the next sweep runs; messages: ${client.messages.join(' | ')}`);
    assert.equal(next.result.spec.steps, 40);
    assert.equal(client.process.exitCode, null);
  });

  test('a data file setting that leaves the workspace is refused with the reason; nothing trains', async () => {
    await configure({ sweep: { steps: 40, dataFile: '../../etc/passwd' } });
    const progressBefore = client.progress.length;
    assert.equal(await sweep(), null);
    const message = await client.waitUntil(() => client.messages.find((candidate) => candidate.startsWith('Decay sweep not run')), 'the refusal');
    assert.match(message ?? '', /decayLens\.sweep\.dataFile '\.\.\/\.\.\/etc\/passwd' leaves .*absolute path in your user settings/);
    assert.equal(client.progress.slice(progressBefore).filter((p) => p.value.kind === 'begin').length, 0, 'no sweep began');
  });
});
