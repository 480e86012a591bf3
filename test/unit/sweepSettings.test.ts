// The editor's sweep settings the CLI has as flags: seeds per decay value (decayLens.sweep.seeds)
// and an explicit validation file (decayLens.sweep.validationFile), read from the settings
// section and planned into the spec the runtime trains.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { defaultSpec, MAX_SEEDS, validateSpec } from '@decay-lens/runtime/spec';
import { planSweep } from '../../server/src/features/sweepPlanner';
import type { SweepPlace } from '../../server/src/features/sweepPlaces';
import { parseSettings } from '../../server/src/settings';
import { analyzeTexts } from '../support/fixtures';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-sweep-settings-'));
const workspace = path.join(scratch, 'workspace');
const outside = path.join(scratch, 'outside');
mkdirSync(path.join(workspace, 'data'), { recursive: true });
mkdirSync(outside);
symlinkSync(outside, path.join(workspace, 'escape'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const sweepSettings = (sweep: Record<string, unknown>) => parseSettings({ sweep }, workspace).sweep;

/** The sweep places of the bundled CIFAR-10 example (a convolutional model whose decay never reaches the loss). */
async function cifarPlaces(): Promise<SweepPlace[]> {
  const folder = path.resolve(__dirname, '..', '..', 'examples', 'cifar10_broken');
  const texts = new Map(['cifar10.py', 'cifar10_train.py'].map((name) => [pathToFileURL(path.join(folder, name)).href, readFileSync(path.join(folder, name), 'utf8')]));
  return (await analyzeTexts(texts)).sweepPlaces();
}

/** An MLP place: a decayed 20x64 kernel under SGD. */
const mlpPlace: SweepPlace = {
  uri: 'file:///model.py',
  line: 3,
  range: { startLine: 3, startColumn: 0, endLine: 3, endColumn: 10 },
  kind: 'source',
  decay: 0.001,
  shapes: [[20, 64]],
  optimizer: { kind: 'sgd', learningRate: 0.1 },
  reachesLoss: true,
  collection: 'losses',
  decayLines: [],
};

test('decayLens.sweep.seeds: a whole number from 1, capped at the most the runtime trains; anything else leaves the default', () => {
  assert.equal(sweepSettings({ seeds: 1 }).seeds, 1);
  assert.equal(sweepSettings({ seeds: 5 }).seeds, 5);
  assert.equal(sweepSettings({ seeds: MAX_SEEDS + 8 }).seeds, MAX_SEEDS);
  for (const malformed of [0, -2, 2.5, '3', null, Number.NaN]) assert.equal(sweepSettings({ seeds: malformed }).seeds, undefined, `${String(malformed)} is not a seed count`);
});

test("the manifest declares the settings as the server reads them: seeds' default and limits, both paths restricted in untrusted workspaces", () => {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties;
  const seeds = properties['decayLens.sweep.seeds'];
  assert.deepEqual({ type: seeds.type, default: seeds.default, minimum: seeds.minimum, maximum: seeds.maximum }, { type: 'integer', default: defaultSpec().seeds, minimum: 1, maximum: MAX_SEEDS });
  assert.deepEqual({ type: properties['decayLens.sweep.validationFile'].type, default: properties['decayLens.sweep.validationFile'].default }, { type: 'string', default: '' });
  const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
  for (const setting of ['dataFile', 'validationFile', 'steps', 'seeds']) assert.ok(restricted.includes(`decayLens.sweep.${setting}`), `decayLens.sweep.${setting} is restricted`);
});

test('the planned spec trains the seeds of the setting, and 3 without one', async () => {
  assert.equal(planSweep(mlpPlace).spec.seeds, 3);
  assert.equal(planSweep(mlpPlace, sweepSettings({ seeds: 1 })).spec.seeds, 1);
  const [place] = await cifarPlaces();
  const { spec } = planSweep(place, sweepSettings({ seeds: 7 }));
  assert.equal(spec.seeds, 7);
  assert.ok(spec.network, 'a convolutional proxy');
  assert.deepEqual(validateSpec(spec), []);
});

test('decayLens.sweep.validationFile resolves and is confined like dataFile: inside the workspace, absolute anywhere, escapes refused', () => {
  const data = { dataFile: 'data/train.csv' };
  assert.deepEqual(sweepSettings({ ...data, validationFile: 'data/held.csv' }), {
    steps: undefined,
    decayValues: undefined,
    seeds: undefined,
    dataFile: path.join(workspace, 'data', 'train.csv'),
    validationFile: path.join(workspace, 'data', 'held.csv'),
  });
  assert.equal(sweepSettings({ ...data, validationFile: path.join(outside, 'held.csv') }).validationFile, path.join(outside, 'held.csv'), 'an absolute path is the user choosing');
  for (const escape of ['../outside/held.csv', 'escape/held.csv']) {
    const settings = sweepSettings({ ...data, validationFile: escape });
    assert.equal(settings.validationFile, undefined);
    assert.equal(settings.dataFile, path.join(workspace, 'data', 'train.csv'));
    assert.deepEqual(settings.problems, [
      `decayLens.sweep.validationFile '${escape}' leaves ${workspace}; only files inside it can be named this way (an absolute path in your user settings can name any file)`,
    ]);
  }
  const noFolder = parseSettings({ sweep: { dataFile: path.join(outside, 'train.csv'), validationFile: 'held.csv' } }, undefined).sweep;
  assert.match(noFolder.problems?.join() ?? '', /^decayLens\.sweep\.validationFile 'held\.csv' is relative and no workspace folder is open/);
  assert.deepEqual(sweepSettings({ ...data, validationFile: '   ' }).problems, undefined, 'blank is unset');
});

test('a validation file without a data file is refused, and each refused file is named', () => {
  assert.deepEqual(sweepSettings({ validationFile: 'data/held.csv' }).problems, [
    'decayLens.sweep.validationFile is set but decayLens.sweep.dataFile is not; the validation file validates the data file, so set both or clear validationFile',
  ]);
  const both = sweepSettings({ dataFile: '../outside/train.csv', validationFile: '../outside/held.csv' }).problems ?? [];
  assert.equal(both.length, 2);
  assert.match(both[0], /^decayLens\.sweep\.dataFile '\.\.\/outside\/train\.csv' leaves /);
  assert.match(both[1], /^decayLens\.sweep\.validationFile '\.\.\/outside\/held\.csv' leaves /);
});

test('the planned task: the validation file validates whole instead of a split, for tables and for images', async () => {
  const table = planSweep(mlpPlace, sweepSettings({ dataFile: 'data/train.csv', validationFile: 'data/held.csv' })).spec;
  assert.deepEqual(table.task, { kind: 'file', path: path.join(workspace, 'data', 'train.csv'), labelColumn: -1, task: 'classification', validationPath: path.join(workspace, 'data', 'held.csv') });
  assert.equal(table.fitLayersToData, true);
  assert.deepEqual(validateSpec(table), []);
  const split = planSweep(mlpPlace, sweepSettings({ dataFile: 'data/train.csv' })).spec;
  assert.deepEqual(split.task, { kind: 'file', path: path.join(workspace, 'data', 'train.csv'), labelColumn: -1, task: 'classification', validationFraction: 0.2 });

  // Images keep the convolutional proxy; their labels are found beside each file by the runtime.
  const [place] = await cifarPlaces();
  const images = planSweep(place, sweepSettings({ dataFile: 'data/train.npy', validationFile: 'data/held.npy' })).spec;
  assert.ok(images.network, 'a convolutional proxy on the images');
  assert.deepEqual(images.task, { kind: 'file', path: path.join(workspace, 'data', 'train.npy'), labelColumn: -1, task: 'classification', validationPath: path.join(workspace, 'data', 'held.npy') });
  assert.deepEqual(validateSpec(images), []);
});
