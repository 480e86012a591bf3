// A sweep whose models cannot fit a worker's memory limit is refused up front, naming the layer
// sizes, before any data is made or worker started (runtime/src/sweep/spec.ts assertFitsMemory).
// `layers [100000, 100000]` once made its data for half a minute and died with "Invalid typed
// array length".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSpec, runSweep } from '../../runtime/src';
import { assertFitsMemory } from '../../runtime/src/sweep/spec';
import { childrenOf, readCommand } from '../support/processes';

test('layers [100000, 100000]: refused with the layer sizes, the weights and the limit; no worker starts', async () => {
  const sweep = runSweep(defaultSpec({ layers: [100000, 100000] }), { workers: 2 });
  // Workers are forked as runSweep is called; tsx's esbuild service is a child too.
  const workers = childrenOf(process.pid).filter((pid) => /sweepWorker|worker\.ts/.test(readCommand(pid)));
  await assert.rejects(
    sweep,
    /invalid sweep spec: layers \[100000, 100000\] make 10,000,100,000 weights per model; a sweep worker trains 12 models at once \(4 decay values x 3 seeds\) and needs at least [\d,]+ MB for them, over its 2,048 MB memory limit: use narrower layers, or fewer decay values or seeds$/,
  );
  assert.deepEqual(workers, [], 'no worker process was started');
});

test('the memory limit given to runSweep is the one checked, with the decay values of the busiest worker', () => {
  // 32*128 + 128 + 128*10 + 10 = 5,514 weights, 4 copies of 4 bytes: 88 KB a training.
  const spec = defaultSpec({ seeds: 2 });
  assert.doesNotThrow(() => assertFitsMemory(spec, 5, 1));
  assert.throws(() => assertFitsMemory(spec, 6, 1), /layers \[32, 128, 10\] make 5,514 weights per model; a sweep worker trains 12 models at once \(6 decay values x 2 seeds\) .* over its 1 MB memory limit/);
});

test('an image model is named by its layers, its conv and dense weights counted', () => {
  // conv: (3*3*3 + 1) * 64 = 1,792; dense after flatten: (512*512*64 + 1) * 10 = 167,772,170.
  const spec = defaultSpec({ input: [512, 512, 3], network: [{ kind: 'conv', filters: 64, kernel: 3, padding: 'same' }, { kind: 'flatten' }, { kind: 'dense', units: 10 }] });
  assert.throws(() => assertFitsMemory(spec, 4, 2048), /invalid sweep spec: the model 512x512x3 -> conv 3x3x64 same -> flatten -> dense 10, relu makes 167,773,962 weights per model; /);
  assert.doesNotThrow(() => assertFitsMemory(spec, 1, 8192));
});
