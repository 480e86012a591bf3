// runSweep: a sweep in a child process, with progress, cancellation, a time limit and a memory
// limit. The caller's thread stays free, and a crash of the native runtime is just an error.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SweepProgress } from '../train/trainer';
import type { ParentMessage, SweepResult, WorkerMessage } from './protocol';
import type { SweepSpec } from './spec';

export interface RunSweepOptions {
  onProgress?: (progress: SweepProgress) => void;
  signal?: AbortSignal;
  /** Default 120 s. */
  timeoutMs?: number;
  /** Resident memory of the worker, default 2048 MB. */
  memoryLimitMb?: number;
}

export class SweepCancelledError extends Error {
  constructor() {
    super('sweep cancelled');
    this.name = 'SweepCancelledError';
  }
}

/** After a stop request, how long the worker gets to finish its chunk before it is killed. */
const STOP_GRACE_MS = 5000;
const MEMORY_POLL_MS = 200;

export function runSweep(spec: SweepSpec, options: RunSweepOptions = {}): Promise<SweepResult> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const memoryLimitMb = options.memoryLimitMb ?? 2048;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new SweepCancelledError());
    const worker = workerScript();
    const child = fork(worker.path, [], {
      execArgv: [...worker.execArgv, `--max-old-space-size=${memoryLimitMb}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let settled = false;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const timers: NodeJS.Timeout[] = [];
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      clearInterval(memoryWatch);
      options.signal?.removeEventListener('abort', onAbort);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      outcome();
    };
    const fail = (message: string) => finish(() => reject(new Error(message)));
    const onAbort = () => {
      send(child, { type: 'stop' });
      timers.push(setTimeout(() => finish(() => reject(new SweepCancelledError())), STOP_GRACE_MS));
    };
    options.signal?.addEventListener('abort', onAbort);
    timers.push(setTimeout(() => fail(`sweep timed out after ${Math.round(timeoutMs / 1000)} s`), timeoutMs));
    const memoryWatch = setInterval(() => {
      const rss = residentMegabytes(child.pid);
      if (rss !== undefined && rss > memoryLimitMb) fail(`sweep stopped: it used ${Math.round(rss)} MB, over the ${memoryLimitMb} MB limit`);
    }, MEMORY_POLL_MS);
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'result') finish(() => resolve(message.result));
      else if (message.cancelled) finish(() => reject(new SweepCancelledError()));
      else fail(message.message);
    });
    child.on('error', (error) => fail(`sweep worker failed to start: ${error.message}`));
    child.on('close', (code, signal) => {
      const detail = stderr.trim().split('\n').slice(-3).join(' ');
      fail(`sweep worker ${signal ? `was killed by ${signal}` : `exited with code ${code}`} before finishing${detail ? `: ${detail}` : ''}`);
    });
    send(child, { type: 'start', spec });
  });
}

function send(child: ChildProcess, message: ParentMessage): void {
  if (child.connected) child.send(message);
}

/** The bundled worker next to this file (dist/), or the TypeScript source run through tsx. */
function workerScript(): { path: string; execArgv: string[] } {
  const bundled = path.join(__dirname, 'sweepWorker.js');
  if (existsSync(bundled)) return { path: bundled, execArgv: [] };
  return { path: path.join(__dirname, 'worker.ts'), execArgv: ['--import', 'tsx'] };
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
