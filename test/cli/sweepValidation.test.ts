// `decay-lens sweep` with an explicit validation file, through sweepCommand in this process (the
// sweep itself runs in the runtime's worker processes): --data with --validation for a table,
// --validation-labels for images, validationPath / validationLabels in a spec file (relative to
// it, kept inside the working or spec folder, links out refused), and the usage errors.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
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

async function sweep(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await sweepCommand(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
  return { code, stdout, stderr };
}

const QUICK = ['--decays', '0,0.01', '--steps', '6', '--batch', '4', '--seeds', '1', '--no-adapt'];

/** Rows of 3 features and a class 0..2 that follows the largest feature. */
const table = (count: number, offset: number) =>
  `a,b,c,label\n${Array.from({ length: count }, (_, n) => {
    const label = (n + offset) % 3;
    return [...[0, 1, 2].map((i) => (i === label ? 1 : 0) + (((n + offset) * 7 + i * 3) % 10) / 20), label].join(',');
  }).join('\n')}\n`;

/** 4x4x1 images: class c is bright in column c. */
function images(count: number, offset: number) {
  const labels = Array.from({ length: count }, (_, n) => (n + offset) % 3);
  const pixels = labels.flatMap((label, n) => Array.from({ length: 16 }, (_, i) => (i % 4 === label ? 200 : 20) + ((n * 7 + i * 3) % 30)));
  return { labels, pixels: npy('|u1', [count, 4, 4, 1], pixels), labelFile: npy('<i8', [count], labels) };
}

function dataFolder(t: TestContext) {
  const dir = tempFolder(t, 'decay-lens-cli-validation-');
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'train.csv'), table(30, 0));
  writeFileSync(join(dir, 'data', 'held.csv'), table(11, 1));
  const train = images(12, 0);
  const held = images(5, 1);
  writeFileSync(join(dir, 'data', 'train.npy'), train.pixels);
  writeFileSync(join(dir, 'data', 'train-classes.npy'), train.labelFile);
  writeFileSync(join(dir, 'data', 'held.npy'), held.pixels);
  writeFileSync(join(dir, 'data', 'held-classes.npy'), held.labelFile);
  return dir;
}

test('--data with --validation: the training file trains whole, the validation file validates whole; the table says so', async (t) => {
  const dir = dataFolder(t);
  const run = await sweep([...QUICK, '--layers', '3,8,3', '--data', 'data/train.csv', '--validation', 'data/held.csv', '--json'], dir);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as SweepResult;
  assert.deepEqual(result.spec.task, { kind: 'file', path: join(dir, 'data', 'train.csv'), labelColumn: -1, task: 'classification', validationPath: join(dir, 'data', 'held.csv') });
  assert.deepEqual(result.samples, { train: 30, validation: 11 });
  const plain = await sweep([...QUICK, '--layers', '3,8,3', '--data', 'data/train.csv'], dir);
  assert.equal(plain.code, 0, plain.stderr);
  assert.doesNotMatch(plain.stdout, /validated on/);
  const text = await sweep([...QUICK, '--layers', '3,8,3', '--data', 'data/train.csv', '--validation', 'data/held.csv'], dir);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /train\.csv \(classification\), validated on held\.csv \(11 rows\)/);
  // Files that disagree fail the sweep with the message naming both.
  writeFileSync(join(dir, 'data', 'wide.csv'), 'a,b,c,d,label\n1,2,3,4,0\n');
  const wide = await sweep([...QUICK, '--layers', '3,8,3', '--data', 'data/train.csv', '--validation', 'data/wide.csv'], dir);
  assert.equal(wide.code, 1);
  assert.match(wide.stderr, /wide\.csv: 5 columns, but the training file .*train\.csv has 4/);
});

test('--validation-labels names the validation images\' labels; images validate whole', async (t) => {
  const dir = dataFolder(t);
  const network = ['--layers', '16,6,3'];
  const run = await sweep([...QUICK, ...network, '--data', 'data/train.npy', '--labels', 'data/train-classes.npy', '--validation', 'data/held.npy', '--validation-labels', 'data/held-classes.npy', '--json'], dir);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as SweepResult;
  assert.deepEqual(result.spec.task, {
    kind: 'images',
    path: join(dir, 'data', 'train.npy'),
    labels: join(dir, 'data', 'train-classes.npy'),
    validationPath: join(dir, 'data', 'held.npy'),
    validationLabels: join(dir, 'data', 'held-classes.npy'),
  });
  assert.deepEqual(result.samples, { train: 12, validation: 5 });
  // Without --validation-labels the labels are looked for beside the validation images.
  const missing = await sweep([...QUICK, ...network, '--data', 'data/train.npy', '--labels', 'data/train-classes.npy', '--validation', 'data/held.npy'], dir);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /held\.npy: no labels file: name one \(task\.validationLabels, --validation-labels\)/);
});

test('usage errors: --validation needs --data, --validation-labels needs --validation', async (t) => {
  const dir = dataFolder(t);
  const usage = (pattern: RegExp) => (error: unknown) => error instanceof UsageError && pattern.test(error.message);
  await assert.rejects(sweep(['--validation', 'data/held.csv'], dir), usage(/--validation goes with --data/));
  await assert.rejects(sweep(['--data', 'data/train.npy', '--validation-labels', 'data/held-classes.npy'], dir), usage(/--validation-labels goes with --validation/));
  await assert.rejects(
    sweep(['--data', 'data/train.csv', '--validation', 'data/held.csv', '--validation-labels', 'x.npy', '--regression'], dir),
    usage(/--label-column and --regression are for tables/),
  );
});

test('a spec file names its validation file relative to itself, inside the working or spec folder; links out are refused', async (t) => {
  const dir = dataFolder(t);
  const spec = {
    layers: [3, 8, 3],
    decayValues: [0, 0.01],
    steps: 6,
    batchSize: 4,
    seeds: 1,
    adaptive: false,
    task: { kind: 'file', path: 'train.csv', labelColumn: -1, task: 'classification', validationPath: 'held.csv' },
  };
  writeFileSync(join(dir, 'data', 'spec.json'), JSON.stringify(spec));
  const run = await sweep(['--spec', 'data/spec.json', '--json'], dir);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as SweepResult;
  assert.equal((result.spec.task as { validationPath?: string }).validationPath, join(dir, 'data', 'held.csv'));
  assert.deepEqual(result.samples, { train: 30, validation: 11 });
  // validationFraction with it: the spec is refused with the reason.
  writeFileSync(join(dir, 'data', 'both.json'), JSON.stringify({ ...spec, task: { ...spec.task, validationFraction: 0.2 } }));
  const both = await sweep(['--spec', 'data/both.json'], dir);
  assert.equal(both.code, 1);
  assert.match(both.stderr, /task\.validationFraction and task\.validationPath exclude each other/);
  // Outside the working and spec folders, by path or by a link.
  writeFileSync(join(dir, 'data', 'outside.json'), JSON.stringify({ ...spec, task: { ...spec.task, validationPath: '../../../etc/passwd' } }));
  await assert.rejects(sweep(['--spec', 'data/outside.json'], dir), (error: unknown) => error instanceof UsageError && /the validation file '\.\.\/\.\.\/\.\.\/etc\/passwd' is outside the working folder and the spec's folder; name it with --validation/.test(error.message));
  const elsewhere = tempFolder(t, 'decay-lens-cli-elsewhere-');
  writeFileSync(join(elsewhere, 'held.csv'), table(5, 0));
  symlinkSync(join(elsewhere, 'held.csv'), join(dir, 'data', 'link.csv'));
  writeFileSync(join(dir, 'data', 'link.json'), JSON.stringify({ ...spec, task: { ...spec.task, validationPath: 'link.csv' } }));
  await assert.rejects(sweep(['--spec', 'data/link.json'], dir), (error: unknown) => error instanceof UsageError && /the validation file 'link\.csv' is outside/.test(error.message));
  const imageSpec = { ...spec, layers: [16, 6, 3], task: { kind: 'images', path: 'train.npy', labels: 'train-classes.npy', validationPath: 'held.npy', validationLabels: '../../x/labels.npy' } };
  writeFileSync(join(dir, 'data', 'labels-out.json'), JSON.stringify(imageSpec));
  await assert.rejects(sweep(['--spec', 'data/labels-out.json'], dir), (error: unknown) => error instanceof UsageError && /the validation labels file '\.\.\/\.\.\/x\/labels\.npy' is outside .*--validation-labels/.test(error.message));
});
