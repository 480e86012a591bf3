// runSweep isolates training in a child process: progress arrives, the caller's event loop keeps
// running, cancellation stops within a chunk, and time and memory limits end a run with a clear
// error after which the next sweep works.
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { defaultSpec, runSweep, SweepCancelledError, type SweepProgress } from '../../runtime/src';
import { childrenOf, isAlive, waitFor } from '../support/processes';

const small = defaultSpec({ steps: 200, evaluateEvery: 50 });

test('progress in chunk steps, and the event loop of the caller stays free', async () => {
  const progress: SweepProgress[] = [];
  // Training on the caller's thread would report its first progress before the event loop turns.
  let callerTurned = false;
  const turnedAtProgress: boolean[] = [];
  const running = runSweep(small, {
    onProgress: (p) => {
      progress.push(p);
      turnedAtProgress.push(callerTurned);
    },
  });
  setImmediate(() => (callerTurned = true));
  const result = await running;
  assert.deepEqual(progress.map((p) => p.step), [50, 100, 150, 200]);
  assert.ok(progress.every((p) => p.steps === 200));
  assert.equal(result.runs.length, small.decayValues.length);
  assert.deepEqual(turnedAtProgress, [true, true, true, true], 'the caller ran a setImmediate queued after runSweep started before the first progress');
});

test('cancellation stops the sweep within a chunk of steps', async () => {
  const controller = new AbortController();
  const progress: number[] = [];
  const sweep = runSweep(defaultSpec({ steps: 100_000, evaluateEvery: 100 }), {
    signal: controller.signal,
    onProgress: (p) => {
      progress.push(p.step);
      if (p.step === 300) controller.abort();
    },
  });
  await assert.rejects(sweep, SweepCancelledError);
  assert.ok(Math.max(...progress) <= 400, `stopped after ${Math.max(...progress)} steps`);
});

test('an aborted signal never starts a worker', async () => {
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(runSweep(small, { signal: controller.signal }), SweepCancelledError);
});

test('time and memory limits end the run with a message; the next sweep works', async () => {
  await assert.rejects(runSweep(defaultSpec({ steps: 1_000_000 }), { timeoutMs: 1500 }), /sweep timed out after 1\.5 s/);
  // Node and onnxruntime alone need more than 20 MB resident.
  await assert.rejects(runSweep(defaultSpec({ steps: 1_000_000 }), { memoryLimitMb: 20 }), /over the 20 MB limit/);
  await assert.rejects(runSweep(defaultSpec({ layers: [4] }), {}), /invalid sweep spec: layers needs at least/);
  const result = await runSweep(small);
  assert.ok(result.best);
});

test('a worker that crashes (SIGSEGV) is an error naming the signal; the caller lives on', async () => {
  const before = new Set(childrenOf(process.pid));
  let crashed = false;
  const sweep = runSweep(defaultSpec({ steps: 100_000, evaluateEvery: 100 }), {
    onProgress: () => {
      if (crashed) return;
      crashed = true;
      for (const pid of childrenOf(process.pid)) if (!before.has(pid)) process.kill(pid, 'SIGSEGV');
    },
  });
  await assert.rejects(sweep, /sweep worker was killed by SIGSEGV before finishing/);
  const result = await runSweep(small);
  assert.ok(result.best);
});

test('workers stop when the process that started them dies', async () => {
  // A parent that runs a long sweep, killed with SIGKILL: it cannot tell its workers anything.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'decay-lens-orphan-'));
  const script = path.join(dir, 'parent.mts');
  const runtime = path.resolve(__dirname, '..', '..', 'runtime', 'src', 'index.ts');
  writeFileSync(
    script,
    `import { runSweep, defaultSpec } from ${JSON.stringify(runtime)};\n` +
      `runSweep(defaultSpec({ steps: 1000000, evaluateEvery: 100 }), { onProgress: () => console.log('training') }).catch(() => undefined);\n`,
  );
  const parent = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => parent.stdout.once('data', () => resolve()));
  const workers = childrenOf(parent.pid!);
  assert.ok(workers.length > 0);
  parent.kill('SIGKILL');
  // Within a chunk of 100 steps (well under a second here), plus process exit.
  await waitFor(() => workers.every((pid) => !isAlive(pid)), 10_000);
});
