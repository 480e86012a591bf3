// The sweep settings through the real server, as the editor sends them (workspace/configuration):
// decayLens.sweep.seeds and decayLens.sweep.validationFile reach the spec that trains, a
// validation file outside the workspace is refused before anything trains, and the progress
// says what trains (the proxy model, the decay values and the seeds).
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import type { SweepOutcome } from '../../server/src/protocol';
import { TestLspClient, toUri } from '../support/lspClient';
import { tempFolder } from '../support/tempFolder';

/** A CSV of 3 features and a class 0..2 that follows the largest feature. */
function table(rows: number, offset: number): string {
  const lines = Array.from({ length: rows }, (_, n) => {
    const label = (n + offset) % 3;
    return [...[0, 1, 2].map((i) => (i === label ? 1 : 0) + (((n + offset) * 7 + i * 3) % 10) / 20), label].join(',');
  });
  return `a,b,c,label\n${lines.join('\n')}\n`;
}

/** The bundled CIFAR-10 example in a workspace folder of its own, with a training and a validation table in data/, and a table beside the folder. */
function exampleWorkspace(t: TestContext): { folder: string; uri: string; text: string; sinkLine: number } {
  const scratch = tempFolder(t, 'decay-lens-lsp-sweep-settings-');
  writeFileSync(path.join(scratch, 'held-outside.csv'), table(21, 1));
  const folder = path.join(scratch, 'workspace');
  cpSync(path.resolve(__dirname, '..', '..', 'examples', 'cifar10_broken'), folder, { recursive: true });
  mkdirSync(path.join(folder, 'data'));
  writeFileSync(path.join(folder, 'data', 'train.csv'), table(64, 0));
  writeFileSync(path.join(folder, 'data', 'held.csv'), table(21, 1));
  const file = path.join(folder, 'cifar10.py');
  const text = readFileSync(file, 'utf8');
  return { folder, uri: toUri(file), text, sinkLine: text.split('\n').findIndex((line) => line.includes('compute_gradients(')) };
}

/** A server on the workspace with these `decayLens` settings, the example open and analysed. */
async function serverWith(t: TestContext, workspace: ReturnType<typeof exampleWorkspace>, configuration: unknown): Promise<TestLspClient> {
  const client = await TestLspClient.start({ workspaceFolder: workspace.folder });
  t.after(() => client.stop());
  client.configuration = configuration;
  await client.open(workspace.uri, workspace.text);
  await client.waitForDiagnostics(workspace.uri, (d) => d.length > 0);
  return client;
}

const runSweep = (client: TestLspClient, workspace: ReturnType<typeof exampleWorkspace>) =>
  client.request<SweepOutcome | null>('workspace/executeCommand', { command: 'decayLens.runSweep', arguments: [{ uri: workspace.uri, line: workspace.sinkLine }] });

/** The messages of the sweep's progress, begin first. */
const progressMessages = (client: TestLspClient) => client.progress.map((p) => (p.value as { message?: string }).message ?? '');

describe('sweep settings over LSP', () => {
  test('seeds = 1 and a validation file reach the spec that trains: the data file trains whole, the validation file validates whole', async (t) => {
    const workspace = exampleWorkspace(t);
    const client = await serverWith(t, workspace, { sweep: { steps: 40, seeds: 1, decayValues: [0, 0.01], dataFile: 'data/train.csv', validationFile: 'data/held.csv' } });
    const outcome = await runSweep(client, workspace);
    assert.ok(outcome, `a sweep outcome; messages: ${client.messages.join(' | ')}`);
    const { spec } = outcome.result;
    assert.equal(spec.seeds, 1);
    assert.deepEqual(spec.task, {
      kind: 'file',
      path: path.join(workspace.folder, 'data', 'train.csv'),
      labelColumn: -1,
      task: 'classification',
      validationPath: path.join(workspace.folder, 'data', 'held.csv'),
    });
    assert.deepEqual(outcome.result.samples, { train: 64, validation: 21 }, 'every row of each file, no split');
    assert.ok(outcome.result.runs.every((run) => run.seeds?.length === 1));
    assert.doesNotMatch(outcome.headline, /±/, 'one seed has no spread');
    const [begin, ...reports] = progressMessages(client);
    assert.match(begin, /^Training MLP [\d-]+ relu, input and classes from the data file: 3 decay values x 1 seed x 40 steps$/);
    assert.ok(reports.some((message) => /^Training MLP .*: 3 decay values x 1 seed · step \d+ of 40$/.test(message)), reports.join(' | '));
  });

  test('a validation file outside the workspace is refused with the reason; nothing trains', async (t) => {
    const workspace = exampleWorkspace(t);
    const client = await serverWith(t, workspace, { sweep: { steps: 40, dataFile: 'data/train.csv', validationFile: '../held-outside.csv' } });
    assert.equal(await runSweep(client, workspace), null);
    const message = await client.waitUntil(() => client.messages.find((candidate) => candidate.startsWith('Decay sweep not run')), 'the refusal');
    assert.equal(
      message,
      `Decay sweep not run: decayLens.sweep.validationFile '../held-outside.csv' leaves ${workspace.folder}; only files inside it can be named this way (an absolute path in your user settings can name any file).`,
    );
    assert.equal(client.progress.length, 0, 'no sweep began');
    assert.equal(client.finishedSweeps.length, 0);
  });

  test("the progress of the example's convolutional proxy names the model and its seeds", async (t) => {
    const workspace = exampleWorkspace(t);
    const client = await serverWith(t, workspace, { sweep: { steps: 4, seeds: 2, decayValues: [0] } });
    const outcome = await runSweep(client, workspace);
    assert.ok(outcome, `a sweep outcome; messages: ${client.messages.join(' | ')}`);
    assert.equal(outcome.result.spec.seeds, 2);
    // The code's 0.004 joins the values of the setting.
    assert.equal(
      progressMessages(client)[0],
      'Training 16x16x3 -> conv 5x5x8 same -> maxpool 3x3 stride 2x2 -> conv 5x5x8 same -> maxpool 3x3 stride 2x2 -> flatten -> dense 48 (decay) -> dense 24 (decay) -> dense 10, relu: 2 decay values x 2 seeds x 4 steps',
    );
  });
});
