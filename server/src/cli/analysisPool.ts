// The threads of `decay-lens check`: each parses a run of the files (neighbours in path order, so a
// package's modules mostly land together) and then analyses the independent groups whose modules
// it holds most of, parsing the few it lacks from their texts. Only link facts and findings cross
// threads. This thread is one of them; a worker that fails gives its work back to this thread, so
// the output never depends on how many threads ran.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { workerScript } from '@decay-lens/runtime';
import { FileParser } from '../parser/fileParser';
import { GroupAnalyst, type FileFacts, type GroupResult, type SourceText } from '../groupAnalyst';

export type PoolRequest =
  | { kind: 'parse'; files: SourceText[] }
  | { kind: 'analyze'; groups: string[][]; missing: SourceText[]; methodCounts: [string, number][]; reported?: string[] };

export type PoolReply = { facts: FileFacts[] } | { results: GroupResult[] } | { error: string };

/** Below this many files per thread, starting a worker (~100 ms) costs more than it saves. */
export const MIN_FILES_PER_THREAD = 64;

/** Threads worth using for `fileCount` files with at most `jobs` threads. */
export function poolThreads(fileCount: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.floor(fileCount / MIN_FILES_PER_THREAD)));
}

export class AnalysisPool {
  private readonly workers: Worker[];
  private local: Promise<GroupAnalyst> | undefined;
  /** Which thread parsed each file: 0 is this one, i + 1 the worker i. */
  private readonly holder = new Map<string, number>();
  /** Threads that parsed files (this one included). */
  threadsUsed = 1;
  private readonly parsedUris = new Set<string>();

  /** `threads` counts this one: 1 starts no worker. Workers start now, so their start-up overlaps reading the files. */
  constructor(threads: number) {
    this.workers = Array.from({ length: Math.max(0, threads - 1) }, () => {
      const worker = startWorker();
      // A worker that dies between requests must not take this thread with it (an 'error' event
      // without a listener throws); its work is done here instead.
      worker.on('error', () => undefined).once('exit', () => exited.add(worker));
      return worker;
    });
  }

  /** Each file's link facts (or why it is not analysed), in input order. */
  async parse(files: readonly SourceText[]): Promise<FileFacts[]> {
    // Every file's facts stored: no grammar to load either.
    if (files.length === 0) return [];
    const threads = this.workers.length + 1;
    const share = Math.ceil(files.length / threads);
    const runs = Array.from({ length: threads }, (_, thread) => files.slice(thread * share, (thread + 1) * share));
    // The workers' runs are under way while this thread parses its own.
    const fromWorkers = Promise.all(
      runs.map(async (run, thread): Promise<FileFacts[]> => {
        if (thread === 0 || run.length === 0) return [];
        const reply = await ask(this.workers[thread - 1], { kind: 'parse', files: run }).catch(() => undefined);
        return reply && 'facts' in reply ? this.hold(reply.facts, thread) : [];
      }),
    );
    const local = await this.analyst();
    const ownRun = this.hold(local.parse(runs[0]), 0);
    const replies = await fromWorkers;
    replies[0] = ownRun;
    // The runs of workers that failed.
    runs.forEach((run, thread) => {
      if (replies[thread].length !== run.length) replies[thread] = this.hold(local.parse(run), 0);
    });
    this.threadsUsed = new Set(this.holder.values()).size || 1;
    return replies.flat();
  }

  /**
   * Each group's result, in group order: analysed on the thread that parsed most of its modules,
   * the others parsed there from `texts`.
   */
  async analyze(groups: readonly string[][], texts: ReadonlyMap<string, string>, methodCounts: ReadonlyMap<string, number>, reported?: ReadonlySet<string>): Promise<GroupResult[]> {
    if (groups.length === 0) return [];
    const byThread = new Map<number, number[]>();
    groups.forEach((group, index) => {
      const thread = this.mostHeld(group);
      const indices = byThread.get(thread);
      if (indices) indices.push(index);
      else byThread.set(thread, [index]);
    });
    const results: GroupResult[] = new Array(groups.length);
    const request = (thread: number) => {
      const indices = byThread.get(thread) ?? [];
      const wanted = indices.map((index) => groups[index]);
      const missing = [...new Set(wanted.flat())].filter((uri) => this.holder.get(uri) !== thread).map((uri) => ({ uri, text: texts.get(uri)! }));
      for (const { uri } of missing) this.parsedUris.add(uri);
      return { indices, wanted, missing };
    };
    const counts = [...methodCounts];
    // The workers' groups are under way while this thread analyses its own.
    const fromWorkers = Promise.all(
      this.workers.map(async (worker, i) => {
        const { indices, wanted, missing } = request(i + 1);
        if (indices.length === 0) return true;
        const reply = await ask(worker, { kind: 'analyze', groups: wanted, missing, methodCounts: counts, reported: reported && [...reported] }).catch(() => undefined);
        if (!reply || !('results' in reply)) return false;
        reply.results.forEach((result, k) => (results[indices[k]] = result));
        return true;
      }),
    );
    const local = await this.analyst();
    const analyzeHere = (indices: readonly number[]) => {
      const missing = [...new Set(indices.flatMap((index) => groups[index]))].filter((uri) => this.holder.get(uri) !== 0).map((uri) => ({ uri, text: texts.get(uri)! }));
      for (const { uri } of missing) {
        this.holder.set(uri, 0);
        this.parsedUris.add(uri);
      }
      local.analyze(indices.map((index) => groups[index]), missing, methodCounts, reported).forEach((result, k) => (results[indices[k]] = result));
    };
    analyzeHere(byThread.get(0) ?? []);
    // The groups of workers that failed, parsed here from their texts.
    analyzeHere((await fromWorkers).flatMap((done, i) => (done ? [] : (byThread.get(i + 1) ?? []))));
    return results;
  }

  /** Files parsed in this run, each counted once. */
  get filesParsed(): number {
    return this.parsedUris.size;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private analyst(): Promise<GroupAnalyst> {
    this.local ??= FileParser.create().then((parser) => new GroupAnalyst(parser));
    return this.local;
  }

  private hold(facts: FileFacts[], thread: number): FileFacts[] {
    for (const file of facts) {
      this.holder.set(file.uri, thread);
      this.parsedUris.add(file.uri);
    }
    return facts;
  }

  /** The thread holding most of the group's modules (this one for modules nobody parsed this run). */
  private mostHeld(group: readonly string[]): number {
    const counts = new Map<number, number>();
    for (const uri of group) {
      const thread = this.holder.get(uri) ?? 0;
      counts.set(thread, (counts.get(thread) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  }
}

/** Workers that have stopped: a message to one would never be answered. */
const exited = new WeakSet<Worker>();

function ask(worker: Worker, request: PoolRequest): Promise<PoolReply> {
  if (exited.has(worker)) return Promise.reject(new Error('analysis worker exited'));
  return new Promise((resolve, reject) => {
    const settle = (done: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      done();
    };
    const onMessage = (reply: PoolReply) => settle(() => ('error' in reply ? reject(new Error(reply.error)) : resolve(reply)));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) => settle(() => reject(new Error(`analysis worker exited with ${code}`)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(request);
  });
}

function startWorker(): Worker {
  const script = workerScript(__dirname, 'analysisWorker.js', 'analysisWorker.ts');
  if (!script.fromSource) return new Worker(script.path);
  // From source (tests): worker threads do not inherit tsx's hooks, so load them in the thread
  // first. (createRequire: esbuild would try to resolve a plain require.resolve at build time.)
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(script.path)});`, { eval: true });
}
