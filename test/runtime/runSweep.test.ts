// runSweep isolates training in a child process: progress arrives, the caller's event loop keeps
// running, cancellation stops within a chunk, and time and memory limits end a run with a clear
// error after which the next sweep works.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { defaultSpec, runSweep, SweepCancelledError, type SweepProgress } from '../../runtime/src';

const small = defaultSpec({ steps: 200, evaluateEvery: 50 });

test('progress in chunk steps, and the event loop of the caller stays free', async () => {
  const progress: SweepProgress[] = [];
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 5);
  try {
    const result = await runSweep(small, { onProgress: (p) => progress.push(p) });
    assert.deepEqual(progress.map((p) => p.step), [50, 100, 150, 200]);
    assert.ok(progress.every((p) => p.steps === 200));
    assert.equal(result.runs.length, small.decayValues.length);
    assert.ok(ticks > 5, `the caller ran ${ticks} timer ticks during the sweep`);
  } finally {
    clearInterval(ticker);
  }
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
  await assert.rejects(runSweep(defaultSpec({ steps: 1_000_000 }), { timeoutMs: 1500 }), /sweep timed out after 2 s/);
  // Node and onnxruntime alone need more than 20 MB resident.
  await assert.rejects(runSweep(defaultSpec({ steps: 1_000_000 }), { memoryLimitMb: 20 }), /over the 20 MB limit/);
  await assert.rejects(runSweep(defaultSpec({ layers: [4] }), {}), /invalid sweep spec: layers needs at least/);
  const result = await runSweep(small);
  assert.ok(result.best);
});

/** Process ids whose parent is this process (Linux /proc). */
function childPids(): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      // Field 4 of /proc/PID/stat is the parent pid; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

test('a worker that crashes (SIGSEGV) is an error naming the signal; the caller lives on', async () => {
  const before = new Set(childPids());
  let crashed = false;
  const sweep = runSweep(defaultSpec({ steps: 100_000, evaluateEvery: 100 }), {
    onProgress: () => {
      if (crashed) return;
      crashed = true;
      for (const pid of childPids()) if (!before.has(pid)) process.kill(pid, 'SIGSEGV');
    },
  });
  await assert.rejects(sweep, /sweep worker was killed by SIGSEGV before finishing/);
  const result = await runSweep(small);
  assert.ok(result.best);
});
