// The JSON schema VS Code validates sweep specs with (contributes.jsonValidation) describes the
// spec the runtime reads: the same fields, and the bundled example fits it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { defaultImageTask, defaultSpec } from '../../runtime/src';
import { MAX_SEARCH_ROUNDS, MAX_SEEDS, VALIDATION_EXCLUSIVE, validateSpec } from '../../runtime/src/sweep/spec';

const root = path.resolve(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(path.join(root, 'syntaxes', 'sweep-spec.schema.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

test('the schema knows every field of a spec, and the example uses only known fields', () => {
  const fields = new Set(Object.keys(schema.properties));
  for (const key of Object.keys(defaultSpec())) assert.ok(fields.has(key), `schema lacks ${key}`);
  for (const key of ['initialWeights', 'returnWeights', 'decayLayers', 'fitLayersToData', 'input', 'network']) assert.ok(fields.has(key), `schema lacks ${key}`);
  const layerKinds = schema.properties.network.items.oneOf.flatMap((variant: { properties: { kind: { const?: string; enum?: string[] } } }) => variant.properties.kind.enum ?? [variant.properties.kind.const]);
  assert.deepEqual(layerKinds.sort(), ['avgpool', 'conv', 'dense', 'flatten', 'globalavgpool', 'maxpool']);
  const example = JSON.parse(readFileSync(path.join(root, 'examples', 'sweeps', 'overfitting-mlp.json'), 'utf8'));
  for (const key of Object.keys(example)) assert.ok(fields.has(key), `example field ${key} is not in the schema`);
  const taskKinds = schema.properties.task.oneOf.map((variant: { properties: { kind: { const: string } } }) => variant.properties.kind.const);
  assert.deepEqual(taskKinds, ['synthetic', 'file', 'synthetic-images', 'images']);
  for (const key of Object.keys(defaultSpec().task)) assert.ok(key in schema.properties.task.oneOf[0].properties, `task.${key}`);
});

test('the schema knows seeds and the image tasks: the defaults, the fields, the limits', () => {
  const [, file, syntheticImages, images] = schema.properties.task.oneOf;
  const imageDefaults = defaultImageTask();
  for (const key of Object.keys(imageDefaults)) assert.ok(key in syntheticImages.properties, `synthetic-images task.${key}`);
  assert.deepEqual(Object.keys(syntheticImages.properties).sort(), Object.keys(imageDefaults).sort());
  assert.deepEqual(syntheticImages.required.sort(), Object.keys(imageDefaults).sort());
  // A network spec without a task trains on the synthetic images.
  assert.deepEqual(defaultSpec({ input: [8, 8, 1], network: [{ kind: 'flatten' }, { kind: 'dense', units: 2 }] }).task, imageDefaults);
  assert.deepEqual(Object.keys(images.properties).sort(), ['kind', 'labels', 'path', 'validationFraction', 'validationLabels', 'validationPath']);
  assert.deepEqual(images.required, ['kind', 'path']);
  assert.deepEqual(file.required, ['kind', 'path', 'labelColumn', 'task']);
  assert.equal(defaultSpec().seeds, 3);
  assert.deepEqual(
    { type: schema.properties.seeds.type, minimum: schema.properties.seeds.minimum, maximum: schema.properties.seeds.maximum },
    { type: 'integer', minimum: 1, maximum: MAX_SEEDS },
  );
});

test('the schema knows the adaptive range: adaptive, searchRounds, searchBudgetMs, with the limits validateSpec checks', () => {
  assert.equal(schema.properties.adaptive.type, 'boolean');
  assert.deepEqual(
    { type: schema.properties.searchRounds.type, minimum: schema.properties.searchRounds.minimum, maximum: schema.properties.searchRounds.maximum },
    { type: 'integer', minimum: 0, maximum: MAX_SEARCH_ROUNDS },
  );
  assert.deepEqual({ type: schema.properties.searchBudgetMs.type, minimum: schema.properties.searchBudgetMs.minimum }, { type: 'number', minimum: 0 });
  assert.deepEqual(validateSpec(defaultSpec({ adaptive: false, searchRounds: 0, searchBudgetMs: 0 })), []);
  assert.deepEqual(validateSpec(defaultSpec({ searchRounds: MAX_SEARCH_ROUNDS + 1, searchBudgetMs: -1 })), [
    `searchRounds must be an integer from 0 to ${MAX_SEARCH_ROUNDS} (got ${MAX_SEARCH_ROUNDS + 1})`,
    'searchBudgetMs must be a number of milliseconds >= 0 (got -1)',
  ]);
});

test('the schema knows an explicit validation file: validationPath excludes validationFraction, validationLabels needs validationPath, as validateSpec checks', () => {
  const [, file, , images] = schema.properties.task.oneOf;
  assert.equal(file.properties.validationPath.type, 'string');
  assert.deepEqual(file.not, { required: ['validationFraction', 'validationPath'] });
  assert.deepEqual(images.not, { required: ['validationFraction', 'validationPath'] });
  assert.deepEqual(images.dependencies, { validationLabels: ['validationPath'] });
  const fileTask = (extra: object) => defaultSpec({ task: { kind: 'file', path: 'train.csv', labelColumn: -1, task: 'classification', ...extra } });
  assert.deepEqual(validateSpec(fileTask({})), []);
  assert.deepEqual(validateSpec(fileTask({ validationPath: 'val.csv' })), []);
  assert.deepEqual(validateSpec(fileTask({ validationPath: 'val.csv', validationFraction: 0.2 })), [VALIDATION_EXCLUSIVE]);
  assert.deepEqual(validateSpec(fileTask({ validationPath: '' })), ['task.validationPath must name a data file when given']);
  const imageTask = (extra: object) => defaultSpec({ input: [4, 4, 1], network: [{ kind: 'flatten' }, { kind: 'dense', units: 2 }], batchSize: 2, task: { kind: 'images', path: 'train.npy', ...extra } });
  assert.deepEqual(validateSpec(imageTask({ validationPath: 'val.npy', validationLabels: 'val.txt' })), []);
  assert.deepEqual(validateSpec(imageTask({ validationPath: 'val.npy', validationFraction: 0.3 })), [VALIDATION_EXCLUSIVE]);
  assert.deepEqual(validateSpec(imageTask({ validationLabels: 'val.txt' })), ['task.validationLabels goes with task.validationPath (the images it labels)']);
});

test('the manifest points VS Code at the schema for the example spec folder', () => {
  const [entry] = manifest.contributes.jsonValidation;
  assert.equal(entry.url, './syntaxes/sweep-spec.schema.json');
  assert.ok(entry.fileMatch.includes('**/sweeps/*.json'));
});
