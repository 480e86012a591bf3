// runSweep: a sweep in child processes, the decay values split over the machine's cores (separate
// processes scale where threads did not, ENVIRONMENT.md), with progress, cancellation, a time
// limit and a memory limit. The caller's thread stays free, and a crash of the native runtime is
// just an error.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { SweepProgress } from '../train/trainer';
import { mergeSweepParts } from './mergeParts';
import type { ParentMessage, SweepPart, SweepResult, WorkerMessage } from './protocol';
import { assertFitsMemory, assertValidSpec, type SweepSpec } from './spec';
import { workerScript } from '../workerScript';

export interface RunSweepOptions {
  onProgress?: (progress: SweepProgress) => void;
  signal?: AbortSignal;
  /** Default 120 s. */
  timeoutMs?: number;
  /** Resident memory per worker process, default 2048 MB. */
  memoryLimitMb?: number;
  /** Worker processes; default one per core, at most one per two decay values. */
  workers?: number;
}

export class SweepCancelledError extends Error {
  constructor() {
    super('sweep cancelled');
    this.name = 'SweepCancelledError';
  }
}

/** After a stop request, how long the workers get to finish their chunk before they are killed. */
const STOP_GRACE_MS = 5000;
const MEMORY_POLL_MS = 200;
const MAX_TIMER_MS = 2 ** 31 - 1;

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toPrecision(3))} s`;
}

export function runSweep(spec: SweepSpec, options: RunSweepOptions = {}): Promise<SweepResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 120_000;
  const memoryLimitMb = options.memoryLimitMb ?? 2048;
  return new Promise((resolve, reject) => {
    assertValidSpec(spec);
    if (options.signal?.aborted) return reject(new SweepCancelledError());
    const groups = splitDecayValues(spec.decayValues, options.workers ?? Math.min(os.availableParallelism(), Math.ceil(spec.decayValues.length / 2)));
    assertFitsMemory(spec, Math.max(...groups.map((group) => group.length)), memoryLimitMb);
    const parts: (SweepPart | undefined)[] = groups.map(() => undefined);
    const stepsDone = groups.map(() => 0);
    let reported = 0;
    const children: ChildProcess[] = [];
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      clearInterval(memoryWatch);
      options.signal?.removeEventListener('abort', onAbort);
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      outcome();
    };
    const fail = (error: Error) => finish(() => reject(error));
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      for (const child of children) send(child, { type: 'stop' });
      timers.push(setTimeout(() => fail(new SweepCancelledError()), STOP_GRACE_MS));
    };
    options.signal?.addEventListener('abort', onAbort);
    // Node timers overflow past 2^31 - 1 ms (they would fire at once): longer limits mean no limit.
    if (timeoutMs < MAX_TIMER_MS) timers.push(setTimeout(() => fail(new Error(`sweep timed out after ${formatSeconds(timeoutMs)}`)), timeoutMs));
    const memoryWatch = setInterval(() => {
      for (const child of children) {
        const rss = residentMegabytes(child.pid);
        if (rss !== undefined && rss > memoryLimitMb) fail(new Error(`sweep stopped: a worker used ${Math.round(rss)} MB, over the ${memoryLimitMb} MB limit`));
      }
    }, MEMORY_POLL_MS);

    groups.forEach((decayValues, index) => {
      const child = startWorker(memoryLimitMb);
      children.push(child);
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
      child.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          stepsDone[index] = message.progress.step;
          // The sweep is as far as its slowest worker.
          const step = Math.min(...stepsDone);
          if (step > reported) options.onProgress?.({ step, steps: message.progress.steps });
          reported = Math.max(reported, step);
        } else if (message.type === 'result') {
          parts[index] = message.part;
          if (parts.every((part) => part !== undefined)) finish(() => resolve(mergeSweepParts(spec, parts as SweepPart[], performance.now() - started)));
        } else if (message.cancelled) fail(new SweepCancelledError());
        else fail(new Error(message.message));
      });
      child.on('error', (error: NodeJS.ErrnoException) => {
        // A worker that died while we wrote to it: its 'close' (with the signal) tells why.
        if (error.code === 'EPIPE' || error.code === 'ERR_IPC_CHANNEL_CLOSED') return;
        fail(new Error(`sweep worker failed to start: ${error.message}`));
      });
      child.on('close', (code, signal) => {
        if (parts[index] !== undefined) return;
        // Ctrl-C in a terminal signals the workers too (one still starting has no handler yet):
        // after an abort, or by SIGINT, a worker's end is the cancellation.
        if (aborted || signal === 'SIGINT') return fail(new SweepCancelledError());
        const detail = stderr.trim().split('\n').slice(-3).join(' ');
        fail(new Error(`sweep worker ${signal ? `was killed by ${signal}` : `exited with code ${code}`} before finishing${detail ? `: ${detail}` : ''}`));
      });
      send(child, { type: 'start', spec: { ...spec, decayValues } });
    });
  });
}

/** Contiguous groups, so the merged runs keep the spec's order. */
function splitDecayValues(values: readonly number[], workers: number): number[][] {
  const count = Math.max(1, Math.min(Math.floor(workers), values.length));
  const groups: number[][] = [];
  for (let i = 0; i < count; i++) {
    groups.push(values.slice(Math.round((i * values.length) / count), Math.round(((i + 1) * values.length) / count)));
  }
  return groups;
}

function startWorker(memoryLimitMb: number): ChildProcess {
  const worker = workerScript(__dirname, 'sweepWorker.js', 'worker.ts');
  return fork(worker.path, [], {
    execArgv: [...(worker.fromSource ? ['--import', 'tsx'] : []), `--max-old-space-size=${memoryLimitMb}`],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
}

function send(child: ChildProcess, message: ParentMessage): void {
  if (child.connected) child.send(message);
}

/** Resident set size of a process from /proc (Linux); undefined where that is not available. */
function residentMegabytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
