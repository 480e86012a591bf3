// Parsing many files on several threads: parsing and IR conversion are the per-file cost of a
// whole-workspace check, and they need nothing from other files. Worker threads (parseWorker.ts)
// and this thread take batches from one queue; results are kept in input order, so the analysis
// that follows sees exactly what a single-threaded run would.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { workerScript } from '@decay-lens/runtime';
import { FileParser, type ParsedFile } from './fileParser';

export interface SourceText {
  uri: string;
  text: string;
}

export interface ParseBatch {
  files: SourceText[];
}

/**
 * The batch's `ParsedFile[]` as JSON: the IR is many small objects, and JSON.parse reads them on
 * this thread in half the time a structured clone's deserialization takes (measured: 56 vs 108 ms
 * for 1,000 files); this thread's time is what limits the speed-up.
 */
export type ParsedBatch = { json: string } | { error: string };

/** Below this many files per thread, starting a worker (~100 ms) costs more than it saves. */
export const MIN_FILES_PER_THREAD = 64;
const FILES_PER_BATCH = 16;

/** Threads worth using for `fileCount` files with at most `jobs` threads. */
export function parseThreads(fileCount: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(fileCount / MIN_FILES_PER_THREAD)));
}

/**
 * Parse threads: workers started early (their start-up, ~100 ms, overlaps reading the files) and
 * this thread. `parse` may be called once; `close` stops the workers.
 */
export class ParsePool {
  private readonly workers: Worker[];

  /** `threads` counts this one: 1 starts no worker. */
  constructor(threads: number) {
    this.workers = Array.from({ length: Math.max(0, threads - 1) }, () => {
      const worker = startParseWorker();
      // A worker that dies between batches must not take this thread with it (an 'error' event
      // without a listener throws); the batch it would have taken is parsed here instead.
      worker.on('error', () => undefined).once('exit', () => exited.add(worker));
      return worker;
    });
  }

  /**
   * Parses `files` in the order given. A worker that fails gives its batch back and this thread
   * parses it. `threads`: the threads that parsed files.
   */
  async parse(files: readonly SourceText[]): Promise<{ parsed: ParsedFile[]; threads: number }> {
    const parsed: ParsedFile[] = new Array(files.length);
    const queue: number[] = [];
    for (let start = 0; start < files.length; start += FILES_PER_BATCH) queue.push(start);
    const local = await FileParser.create();
    const parseHere = (start: number) => {
      for (let i = start; i < Math.min(start + FILES_PER_BATCH, files.length); i++) parsed[i] = local.parseOnly(files[i].uri, files[i].text);
    };
    let threads = 1;
    const workerRuns = this.workers.map((worker) => drainInWorker(worker, files, queue, parsed));
    while (queue.length > 0) {
      parseHere(queue.shift()!);
      // Let the workers' replies in, so they get their next batch while this thread works.
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const parsedSome of await Promise.all(workerRuns)) if (parsedSome) threads++;
    // Batches a failed worker gave back.
    while (queue.length > 0) parseHere(queue.shift()!);
    return { parsed, threads };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** Feeds the worker batches until none are left; true if it parsed any. */
async function drainInWorker(worker: Worker, files: readonly SourceText[], queue: number[], parsed: ParsedFile[]): Promise<boolean> {
  let parsedSome = false;
  for (let start = queue.shift(); start !== undefined; start = queue.shift()) {
    const batch: ParseBatch = { files: files.slice(start, start + FILES_PER_BATCH) };
    try {
      const reply = await ask(worker, batch);
      if ('error' in reply) throw new Error(reply.error);
      (JSON.parse(reply.json) as ParsedFile[]).forEach((file, i) => (parsed[start + i] = file));
      parsedSome = true;
    } catch {
      queue.unshift(start);
      break;
    }
  }
  return parsedSome;
}

/** Workers that have stopped: a message to one would never be answered. */
const exited = new WeakSet<Worker>();

function ask(worker: Worker, batch: ParseBatch): Promise<ParsedBatch> {
  if (exited.has(worker)) return Promise.reject(new Error('parse worker exited'));
  return new Promise((resolve, reject) => {
    const settle = (done: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      done();
    };
    const onMessage = (reply: ParsedBatch) => settle(() => resolve(reply));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`parse worker exited with ${code}`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(batch);
  });
}

function startParseWorker(): Worker {
  const script = workerScript(__dirname, 'parseWorker.js', 'parseWorker.ts');
  if (!script.fromSource) return new Worker(script.path);
  // From source (tests): worker threads do not inherit tsx's hooks, so load them in the thread
  // first. (createRequire: esbuild would try to resolve a plain require.resolve at build time.)
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(script.path)});`, { eval: true });
}
