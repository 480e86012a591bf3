// `decay-lens sweep` with images and seeds, through sweepCommand in this process (the sweep itself
// runs in the runtime's worker processes): --data with --labels, --data alone with the labels
// beside the images, an images task in a spec file (paths relative to it and kept inside the
// working or spec folder), --seeds, and the errors a bad images file gets.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { SweepResult } from '../../runtime/src';
import { UsageError } from '../../server/src/cli/args';
import { sweepCommand } from '../../server/src/cli/sweep';
import { tempFolder } from '../support/tempFolder';

/** An .npy (version 1.0) of uint8 or int64 values. */
function npy(descr: '|u1' | '<i8', shape: number[], data: readonly number[]): Buffer {
  let dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64;
  dict = dict.padEnd(total - 11, ' ') + '\n';
  const size = descr === '|u1' ? 1 : 8;
  const body = Buffer.alloc(data.length * size);
  data.forEach((value, i) => (descr === '|u1' ? body.writeUInt8(value, i) : body.writeBigInt64LE(BigInt(value), i * 8)));
  const head = Buffer.alloc(10);
  Buffer.from([0x93, ...Buffer.from('NUMPY', 'latin1'), 1, 0]).copy(head);
  head.writeUInt16LE(dict.length, 8);
  return Buffer.concat([head, Buffer.from(dict, 'latin1'), body]);
}

const COUNT = 24;
const LABELS = Array.from({ length: COUNT }, (_, n) => n % 3);
/** 4x4x1 images: class c is bright in column c. */
const PIXELS = LABELS.flatMap((label, n) => Array.from({ length: 16 }, (_, i) => (i % 4 === label ? 200 : 20) + ((n * 7 + i * 3) % 30)));

async function sweep(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await sweepCommand(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

const QUICK = ['--layers', '16,6,3', '--decays', '0,0.01', '--steps', '8', '--batch', '4'];

function dataFolder(t: TestContext) {
  const dir = tempFolder(t, 'decay-lens-cli-images-');
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'images.npy'), npy('|u1', [COUNT, 4, 4, 1], PIXELS));
  writeFileSync(join(dir, 'data', 'classes.npy'), npy('<i8', [COUNT], LABELS));
  return dir;
}

test('--data images --labels FILE trains an images task; --seeds sets the seeds; the table shows mean ± sd', async (t) => {
  const dir = dataFolder(t);
  const run = await sweep([...QUICK, '--data', 'data/images.npy', '--labels', 'data/classes.npy', '--seeds', '2', '--json'], dir);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as SweepResult;
  assert.deepEqual(result.spec.task, { kind: 'images', path: join(dir, 'data', 'images.npy'), labels: join(dir, 'data', 'classes.npy'), validationFraction: 0.2 });
  assert.equal(result.spec.seeds, 2);
  assert.ok(result.runs.every((r) => r.seeds?.length === 2));
  const table = await sweep([...QUICK, '--data', 'data/images.npy', '--labels', 'data/classes.npy', '--seeds', '2'], dir);
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /images\.npy \(images, labels classes\.npy\), 2 seeds from 1 \(mean ± standard deviation\)/);
  assert.match(table.stdout, /^\*?\s+0\s+[\d.]+\s+[\d.]+ ± [\d.]+\s+[\d.]+% ± [\d.]+%/m);
});

test('--data images alone: the labels beside them are found, and the result names them', async (t) => {
  const dir = dataFolder(t);
  const missing = await sweep([...QUICK, '--data', 'data/images.npy'], dir);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /images\.npy: no labels file: name one \(task\.labels, --labels\) or put it beside the images as images\.labels\.npy, images\.labels\.txt, labels\.npy or labels\.txt/);
  writeFileSync(join(dir, 'data', 'labels.txt'), LABELS.join('\n'));
  const run = await sweep([...QUICK, '--data', 'data/images.npy', '--seeds', '1', '--json'], dir);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as SweepResult;
  assert.equal(result.spec.task.kind === 'images' && result.spec.task.labels, join(dir, 'data', 'labels.txt'));
});

test('an images task in a spec file: paths relative to the spec, kept inside the working or spec folder', async (t) => {
  const dir = dataFolder(t);
  const spec = {
    input: [4, 4, 1],
    network: [{ kind: 'conv', filters: 2, kernel: 3, padding: 'same' }, { kind: 'globalavgpool' }, { kind: 'dense', units: 3 }],
    task: { kind: 'images', path: 'images.npy', labels: 'classes.npy' },
    decayValues: [0, 0.01],
    steps: 6,
    batchSize: 4,
    seeds: 2,
  };
  writeFileSync(join(dir, 'data', 'conv.json'), JSON.stringify(spec));
  const run = await sweep(['--spec', 'data/conv.json', '--json'], dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal((JSON.parse(run.stdout) as SweepResult).runs[0].seeds?.length, 2);
  // The spec's input must be the images' shape: the message names the file and the dimension.
  writeFileSync(join(dir, 'data', 'wide.json'), JSON.stringify({ ...spec, input: [4, 5, 1] }));
  const wide = await sweep(['--spec', 'data/wide.json'], dir);
  assert.equal(wide.code, 1);
  assert.match(wide.stderr, /images\.npy: images are 4x4x1 \(N,H,W,C\), but the spec's input is \[4, 5, 1\]: width 4, not 5 \(dimension 2\)/);
  // A labels path leaving both folders is refused before anything runs.
  writeFileSync(join(dir, 'data', 'outside.json'), JSON.stringify({ ...spec, task: { ...spec.task, labels: '../../../etc/passwd' } }));
  await assert.rejects(sweep(['--spec', 'data/outside.json'], dir), (error: unknown) => error instanceof UsageError && /the labels file '\.\.\/\.\.\/\.\.\/etc\/passwd' is outside the working folder and the spec's folder; name it with --labels/.test(error.message));
});

test('usage errors: --labels without --data or with table flags; --seeds not a whole number; too many seeds', async (t) => {
  const dir = dataFolder(t);
  await assert.rejects(sweep(['--labels', 'data/classes.npy'], dir), /--labels goes with --data/);
  await assert.rejects(sweep(['--data', 'data/images.npy', '--labels', 'data/classes.npy', '--regression'], dir), /--label-column and --regression are for tables/);
  await assert.rejects(sweep(['--seeds', '1.5'], dir), /--seeds takes a whole number/);
  const many = await sweep(['--seeds', '99'], dir);
  assert.equal(many.code, 1);
  assert.match(many.stderr, /invalid sweep spec: seeds must be an integer from 1 to 32 \(got 99\)/);
});
