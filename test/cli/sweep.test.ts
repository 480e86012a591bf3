// `decay-lens sweep` through the real CLI: the table and JSON on the bundled example, spec and
// flag errors, bad data files, and Ctrl-C.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { SweepResult } from '../../runtime/src';
import { assertExit, cli, startCli } from '../support/cli';
import { childrenOf, readCommand, waitFor } from '../support/processes';

const EXAMPLE = 'examples/sweeps/overfitting-mlp.json';
// Fewer steps than the example's 1000 keep the test quick; the decay still wins by far.
const QUICK = ['--spec', EXAMPLE, '--steps', '300'];

function finalValidationLoss(result: SweepResult, decay: number): number {
  const run = result.runs.find((candidate) => candidate.decay === decay)!;
  return run.evaluations[run.evaluations.length - 1].loss!;
}

test('sweep on the bundled example: JSON with a best decay that beats no decay', () => {
  const run = cli(['sweep', ...QUICK, '--no-adapt', '--json']);
  assertExit(run, 0);
  const result = JSON.parse(run.stdout) as SweepResult;
  assert.equal(result.runs.length, 8);
  // The best is recomputed here from the runs' own final validation losses.
  const losses = result.runs.map((r) => ({ decay: r.decay, loss: finalValidationLoss(result, r.decay) }));
  const best = losses.reduce((a, b) => (b.loss < a.loss ? b : a));
  assert.equal(result.best?.decay, best.decay);
  assert.notEqual(best.decay, 0);
  assert.ok(best.loss < finalValidationLoss(result, 0), 'some decay beats no decay on validation loss');
  for (const r of result.runs) assert.equal(r.trainLoss.length, 300);
});

test('sweep table: one row per decay value, the best marked, the comparison with no decay', () => {
  const run = cli(['sweep', ...QUICK, '--no-adapt']);
  assertExit(run, 0);
  assert.doesNotMatch(run.stdout, /^Search:/m);
  const rows = run.stdout.split('\n').filter((line) => /^[* ] +\d/.test(line));
  assert.equal(rows.length, 8);
  assert.equal(rows.filter((line) => line.startsWith('*')).length, 1);
  assert.match(run.stdout, /^Decay sweep: MLP 64-256-128-10 relu, sgd lr=0\.05/m);
  // Means and spreads over the seeds (3 by default).
  assert.match(run.stdout, /^Best: wd=[\d.]+, validation loss [\d.]+ ± [\d.]+ vs [\d.]+ ± [\d.]+ without decay \([-+]?\d+%(?:, within noise)?\)\.$/m);
});

test('sweep searches by default: a grid too low is extended, the rounds are printed and in the JSON', () => {
  const args = ['sweep', '--steps', '100', '--seeds', '1', '--decays', '0,0.0001,0.0003', '--rounds', '1', '--budget', '1000'];
  const table = cli(args);
  assertExit(table, 0);
  assert.match(table.stdout, /^Search: the grid of 3 values, then 1 round\n  round 1: best at the upper end \(0\.0003\): extended to 0\.0009, 0\.0027\n  stopped: the round limit \(1\) came before: best at the upper end \(0\.0027\)/m);
  assert.equal(table.stdout.split('\n').filter((line) => /^[* ] +\d/.test(line)).length, 5);
  const json = cli([...args, '--json']);
  assertExit(json, 0);
  const result = JSON.parse(json.stdout) as SweepResult;
  assert.deepEqual(result.runs.map((r) => r.decay), [0, 0.0001, 0.0003, 0.0009, 0.0027]);
  assert.deepEqual(result.search?.rounds.map((round) => round.kind), ['grid', 'extend-up']);
  assert.equal(result.spec.searchRounds, 1);
  assert.equal(result.spec.searchBudgetMs, 1_000_000);
});

test('flags override the spec and defaults: optimizer, decays, steps, data file', () => {
  const run = cli(['sweep', '--no-adapt', '--optimizer', 'adamw', '--decays', '0,0.1', '--steps', '40', '--lr', '0.01', '--layers', '3,8,3', '--data', 'test/fixtures/data/classes_header.csv', '--label-column', '2', '--batch', '4', '--json']);
  assertExit(run, 0);
  const result = JSON.parse(run.stdout) as SweepResult;
  assert.equal(result.spec.optimizer.kind, 'adamw');
  assert.equal(result.spec.decayStyle, 'decoupled');
  assert.deepEqual(result.runs.map((r) => r.decay), [0, 0.1]);
  assert.equal(result.task, 'classification');
  // The decay really reached the worker: it shrank the kernels.
  const norm = (decay: number) => result.runs.find((r) => r.decay === decay)!.evaluations.at(-1)!.weightNorms[0]!;
  assert.ok(norm(0.1) < norm(0), `|W| ${norm(0.1)} with decay vs ${norm(0)} without`);
});

test('usage errors exit 2 with a message', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-sweep-'));
  writeFileSync(path.join(dir, 'bad.json'), '{ "layers": [3, ');
  writeFileSync(path.join(dir, 'list.json'), '[1, 2]');
  const cases: [string[], RegExp][] = [
    [['--optimizer', 'lamb'], /--optimizer is one of sgd, momentum, nesterov, adam, adamw/],
    [['--lr=-1'], /--lr takes a positive number/],
    [['--decays', '0,,1'], /--decays takes comma-separated numbers/],
    [['--steps', '2.5'], /--steps takes a whole number of at least 1/],
    [['--regression'], /go with --data/],
    [['--data', 'x.csv', '--label-column', 'abc'], /--label-column takes a column number/],
    [['model.py'], /sweep takes no file arguments/],
    [['--rounds', '0'], /--rounds takes a whole number of at least 1/],
    [['--budget', '0'], /--budget takes a positive number/],
    [['--spec', path.join(dir, 'missing.json')], /no such file/],
    [['--spec', path.join(dir, 'bad.json')], /is not valid JSON/],
    [['--spec', path.join(dir, 'list.json')], /must be a JSON object/],
    [['--unknown'], /unknown option/i],
  ];
  for (const [args, message] of cases) {
    const run = cli(['sweep', ...args]);
    assertExit(run, 2);
    assert.match(run.stderr, message, args.join(' '));
  }
});

test('a spec the runtime refuses and a bad data file fail with exit 1 and the reason', () => {
  const invalid = cli(['sweep', '--decay-style', 'decoupled']);
  assertExit(invalid, 1);
  assert.match(invalid.stderr, /invalid sweep spec: decoupled decay is AdamW/);
  const missing = cli(['sweep', '--data', 'no/such/file.csv']);
  assertExit(missing, 1);
  assert.match(missing.stderr, /file\.csv/);
  const wrongWidth = cli(['sweep', '--data', 'test/fixtures/data/classes_header.csv', '--label-column', '2', '--batch', '2']);
  assertExit(wrongWidth, 1);
  assert.match(wrongWidth.stderr, /classes_header\.csv: 3 feature columns, but the model's input width is 32/);
  const tooFewRows = cli(['sweep', '--data', 'test/fixtures/data/classes_header.csv', '--label-column', '2', '--layers', '3,8,3']);
  assertExit(tooFewRows, 1);
  assert.match(tooFewRows.stderr, /classes_header\.csv: 6 training rows, fewer than the batch size 32/);
  // Refused before any data is made, naming the layers (it once ran for half a minute and died with
  // "Invalid typed array length").
  const huge = cli(['sweep', '--layers', '100000,100000']);
  assertExit(huge, 1);
  assert.match(huge.stderr, /^decay-lens: invalid sweep spec: layers \[100000, 100000\] make 10,000,100,000 weights per model; .* over its 2,048 MB memory limit: use narrower layers, or fewer decay values or seeds\n$/);
});

test('Ctrl-C stops a running sweep: exit 130, a message, no stack trace', async () => {
  const child = startCli(['sweep', '--steps', '200000', '--json']);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Interrupt once the workers train: the CLI's progress is on stderr only on a terminal, so wait
  // for the worker processes themselves.
  await waitFor(() => childrenOf(child.pid!).some((pid) => /sweepWorker|worker\.ts/.test(readCommand(pid))), 20_000);
  // A terminal signals the whole process group, the workers included.
  process.kill(-child.pid!, 'SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 130, stderr);
  assert.match(stderr, /sweep cancelled/);
  assert.doesNotMatch(stderr, /\n\s+at /);
});
