// The CLI as a user installs it: the repository's postinstall (scripts/build-from-source.mjs:
// the bundles, this platform's onnxruntime), then `npm pack`, the tarball installed offline into an
// empty folder, and check, explain and a sweep run through npx with nothing else present. It runs
// in a copy of the sources: the build rewrites dist/, which the other suites are reading meanwhile.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/cli';
import { COLLECTION_NEVER_SUMMED, copySources } from '../support/packageSources';
import { tempFolder } from '../support/tempFolder';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  // No registry from here on: the tarball must hold everything it runs.
  const env = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
}

function assertRan(result: SpawnSyncReturns<string>, what: string, status = 0): void {
  assert.equal(result.status, status, `${what} exited with ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`);
}

test('npm pack gives a CLI that installs offline and runs check, explain and a sweep', { timeout: 600_000 }, (t) => {
  const copy = tempFolder(t, 'decay-lens-pack-src-');
  copySources(copy);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  assertRan(run(process.execPath, [path.join(copy, 'scripts', 'build-from-source.mjs')], copy), 'the postinstall build');
  const packed = tempFolder(t, 'decay-lens-pack-out-');
  const pack = run(NPM, ['pack', '--pack-destination', packed], copy);
  assertRan(pack, 'npm pack');
  // pre-commit reads the tarball's name from what npm pack prints: nothing else may be there.
  assert.match(pack.stdout, /^decay-lens-[\d.]+\.tgz\n$/);
  const [tarball] = readdirSync(packed).filter((name) => name.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack wrote no tarball');
  // One platform's onnxruntime binary is most of it (~17 MB compressed); all of them would be ~100 MB.
  const megabytes = statSync(path.join(packed, tarball)).size / 1024 / 1024;
  assert.ok(megabytes < 40, `the tarball is ${megabytes.toFixed(1)} MB`);

  const user = tempFolder(t, 'decay-lens-installed-');
  writeFileSync(path.join(user, 'package.json'), '{ "name": "user-project", "private": true }\n');
  assertRan(run(NPM, ['install', path.join(packed, tarball)], user), 'npm install of the tarball');
  assert.deepEqual(readdirSync(path.join(user, 'node_modules')).filter((name) => !name.startsWith('.')), ['decay-lens']);

  const model = path.join(user, 'train.py');
  writeFileSync(model, COLLECTION_NEVER_SUMMED);
  const check = run(NPX, ['decay-lens', 'check', 'train.py', '--no-cache'], user);
  assertRan(check, 'decay-lens check', 1);
  assert.match(check.stdout, /^train\.py:3:1: warning WD101 /m);

  const explain = run(NPX, ['decay-lens', 'explain', 'WD101'], user);
  assertRan(explain, 'decay-lens explain');
  assert.match(explain.stdout, /^# WD101: collection-never-summed/);

  // The sweep's worker loads the packed onnxruntime; the decay shrinks the kernels it trains.
  const sweep = run(NPX, ['decay-lens', 'sweep', '--no-adapt', '--decays', '0,0.1', '--steps', '40', '--seeds', '1', '--layers', '4,8,3', '--json'], user);
  assertRan(sweep, 'decay-lens sweep');
  const result = JSON.parse(sweep.stdout) as { runs: { decay: number; evaluations: { weightNorms: number[] }[] }[] };
  const norm = (decay: number) => result.runs.find((entry) => entry.decay === decay)!.evaluations.at(-1)!.weightNorms[0];
  assert.ok(norm(0.1) < norm(0), `|W| ${norm(0.1)} with decay vs ${norm(0)} without`);
});
