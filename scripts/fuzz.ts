// The long fuzz run of the analysis (`npm run fuzz -- --minutes 10 --seed 7`): the generators of
// test/unit/fuzz.test.ts with larger limits, the stdio framing filter's traffic of
// test/unit/stdioFraming.test.ts (every good message after random garbage in random chunks must
// arrive), and file paths whose URIs clients spell differently (test/unit/clientUris.test.ts:
// one key per file, answers in the client's spelling). Each input runs in a child process, one
// child per core, so a crash (even one that kills the process) or a hang is caught, saved and
// reported, and the run goes on.
// Prints how many inputs ran, crashes, hangs, inputs whose slowest analysis took over a second,
// and the slowest input. Failing inputs go to .test-artifacts/fuzz-<seed>-<n>/ (the slowest, when
// over a second, to fuzz-<seed>-slowest/). Exit 1 on any crash or hang.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { exerciseAnalysis } from '../test/support/fuzzAnalysis';
import { fuzzInput, fuzzNotebook, LONG_RUN_LIMITS, notebookSeeds, pythonSeeds, typescriptSeeds, type FuzzInput } from '../test/support/fuzzInputs';
import { checkFraming, framingChunks, framingInput, type FramingInput } from '../test/support/framingInputs';
import { checkUriSpellings, uriSpellingPath } from '../test/support/uriSpellings';

/** One fuzz input: files to analyse, stdio traffic for the framing filter, or a file path whose URI clients spell. */
type Job = { kind: 'analysis'; input: FuzzInput } | { kind: 'framing'; input: FramingInput } | { kind: 'uri'; input: string };
type ToChild = { id: number; job: Job };
type FromChild = { id: number; ms: number; error?: string };

const SLOW_MS = 1000;
const BATCH = 50;

if (process.argv.includes('--child')) runChild();
else void runParent();

function runJob(job: Job): Promise<number> {
  const started = performance.now();
  if (job.kind === 'analysis') return exerciseAnalysis(job.input);
  if (job.kind === 'framing') return checkFraming(job.input).then(() => performance.now() - started);
  return Promise.resolve().then(() => {
    checkUriSpellings(job.input);
    return performance.now() - started;
  });
}

function runChild(): void {
  process.on('message', (message: ToChild) => {
    runJob(message.job).then(
      (ms) => process.send!({ id: message.id, ms } satisfies FromChild),
      (error: unknown) => process.send!({ id: message.id, ms: -1, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromChild),
    );
  });
}

async function runParent(): Promise<void> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '1' },
      seed: { type: 'string' },
      'hang-ms': { type: 'string', default: '10000' },
      jobs: { type: 'string', default: String(os.availableParallelism()) },
    },
  });
  const minutes = Number(values.minutes);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  const hangMs = Number(values['hang-ms']);
  const jobs = Number(values.jobs);
  if (!(minutes > 0) || !Number.isInteger(seed) || !(hangMs > 0) || !Number.isInteger(jobs) || jobs < 1) {
    console.error('usage: npm run fuzz -- [--minutes N] [--seed INTEGER] [--hang-ms MS] [--jobs N]');
    process.exit(2);
  }
  const artifacts = path.resolve(__dirname, '..', '.test-artifacts');
  const analysis = (arbitrary: fc.Arbitrary<FuzzInput>) => arbitrary.map((input): Job => ({ kind: 'analysis', input }));
  const inputs = fc.oneof(
    { weight: 3, arbitrary: analysis(fuzzInput(pythonSeeds(), LONG_RUN_LIMITS, '.py')) },
    { weight: 2, arbitrary: analysis(fuzzInput(typescriptSeeds(), LONG_RUN_LIMITS, '.ts')) },
    { weight: 1, arbitrary: analysis(fuzzNotebook(notebookSeeds(), LONG_RUN_LIMITS)) },
    { weight: 2, arbitrary: framingInput.map((input): Job => ({ kind: 'framing', input })) },
    { weight: 1, arbitrary: uriSpellingPath.map((input): Job => ({ kind: 'uri', input })) },
  );
  console.log(`fuzzing for ${minutes} min, seed ${seed}, ${jobs} child processes (Python, TypeScript/JavaScript, notebooks, LSP framing, URI spellings)`);

  const stats = { inputs: 0, framing: 0, uri: 0, crashes: 0, hangs: 0, stalls: 0, slow: 0, slowest: { ms: 0, what: '', input: undefined as Job | undefined } };
  const started = Date.now();
  const deadline = started + minutes * 60_000;
  // Inputs in the seed's order, batch after batch; each child takes the next one when it is free.
  let batch: Job[] = [];
  let batchNumber = 0;
  const nextInput = (): { id: number; input: Job } => {
    if (batch.length === 0) batch = fc.sample(inputs, { seed: seed + batchNumber++, numRuns: BATCH });
    const input = batch.shift()!;
    const id = stats.inputs++;
    if (input.kind === 'framing') stats.framing++;
    if (input.kind === 'uri') stats.uri++;
    return { id, input };
  };
  // A second try of an input that did not answer runs alone: the other children finish their
  // input and wait, so it is not slowed by this run's own load.
  let busy = 0;
  let exclusive: Promise<void> | undefined;
  const idle = async () => {
    while (busy > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const runOne = async (child: ChildProcess, id: number, input: Job): Promise<ChildProcess> => {
    const outcome = await analyseInChild(child, id, input, hangMs);
    const what = describe(input);
    if (outcome.kind === 'done') {
      if (outcome.ms > SLOW_MS) stats.slow++;
      if (outcome.ms > stats.slowest.ms) stats.slowest = { ms: outcome.ms, what, input };
      return child;
    }
    if (outcome.kind !== 'crash' || !child.connected) {
      child.kill('SIGKILL');
      child = startChild();
    }
    if (outcome.kind === 'hang') {
      // Once more in a fresh process, alone: a stall of a loaded machine is not a hang of the analysis.
      busy--;
      while (exclusive) await exclusive;
      let release = () => undefined as void;
      exclusive = new Promise((resolve) => (release = resolve));
      await idle();
      busy++;
      const again = await analyseInChild(child, id, input, hangMs);
      exclusive = undefined;
      release();
      if (again.kind === 'done') {
        stats.stalls++;
        console.log(`input ${id} (${what}) stalled past ${hangMs} ms once, took ${Math.round(again.ms)} ms in a fresh process`);
        return child;
      }
      child.kill('SIGKILL');
      child = startChild();
      stats.hangs++;
    } else stats.crashes++;
    const folder = save(artifacts, `fuzz-${seed}-${id}`, input, `${outcome.kind}: ${outcome.detail}\n`);
    console.log(`${outcome.kind} on input ${id} (${what}): ${outcome.detail.split('\n')[0]}\n  saved to ${folder}`);
    return child;
  };
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      let child = startChild();
      while (Date.now() < deadline) {
        while (exclusive) await exclusive;
        const { id, input } = nextInput();
        busy++;
        child = await runOne(child, id, input).finally(() => busy--);
      }
      child.kill();
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  console.log(`inputs: ${stats.inputs} in ${Math.round(seconds)} s, ${(stats.inputs / seconds).toFixed(1)} per second (${stats.framing} of them LSP framing traffic, ${stats.uri} URI spellings)`);
  console.log(`crashes: ${stats.crashes}`);
  console.log(`hangs (over ${hangMs} ms, twice): ${stats.hangs}`);
  console.log(`stalls (over ${hangMs} ms once, not again in a fresh process): ${stats.stalls}`);
  console.log(`inputs with an analysis over ${SLOW_MS} ms: ${stats.slow}`);
  console.log(`slowest analysis: ${Math.round(stats.slowest.ms)} ms (${stats.slowest.what})`);
  if (stats.slowest.input && stats.slowest.ms > SLOW_MS) {
    console.log(`  saved to ${save(artifacts, `fuzz-${seed}-slowest`, stats.slowest.input, `slowest analysis: ${Math.round(stats.slowest.ms)} ms\n`)}`);
  }
  process.exit(stats.crashes + stats.hangs > 0 ? 1 : 0);
}

function startChild(): ChildProcess {
  return fork(__filename, ['--child'], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

type Outcome = { kind: 'done'; ms: number } | { kind: 'crash' | 'hang'; detail: string };

/** Runs one input in the child: its answer, its death, or the hang timer, whichever comes first. */
function analyseInChild(child: ChildProcess, id: number, job: Job, hangMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (message: FromChild) => {
      if (message.id !== id) return;
      cleanup();
      resolve(message.error === undefined ? { kind: 'done', ms: message.ms } : { kind: 'crash', detail: message.error });
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      resolve({ kind: 'crash', detail: `the analysing process died (${signal ?? `exit code ${code}`})` });
    };
    const timer = setTimeout(() => {
      cleanup();
      resolve({ kind: 'hang', detail: `no answer within ${hangMs} ms` });
    }, hangMs);
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send({ id, job } satisfies ToChild);
  });
}

function describe(job: Job): string {
  if (job.kind === 'uri') return `URI spellings of ${JSON.stringify(job.input)}`;
  if (job.kind === 'framing') return `framing: ${job.input.garbage.length} pieces of garbage, ${job.input.messages.length} messages`;
  const input = job.input;
  const files = input.files.map((file) => `${file.name} from ${file.from}, ${file.text.length} chars`).join('; ');
  return input.edits.length > 0 ? `${files}; ${input.edits.length} edits` : files;
}

/** The input as files (the workspace, then each edit's text; framing traffic as its bytes) plus input.json and the error. */
function save(artifacts: string, name: string, job: Job, error: string): string {
  const folder = path.join(artifacts, name);
  mkdirSync(folder, { recursive: true });
  if (job.kind === 'framing') writeFileSync(path.join(folder, 'traffic.bin'), Buffer.concat(framingChunks(job.input)));
  else if (job.kind === 'analysis') {
    for (const file of job.input.files) writeFileSync(path.join(folder, file.name), file.text);
    job.input.edits.forEach((text, i) => writeFileSync(path.join(folder, `edit-${i + 1}-${job.input.files[0].name}`), text));
  }
  writeFileSync(path.join(folder, 'input.json'), JSON.stringify(job.input));
  writeFileSync(path.join(folder, 'error.txt'), error);
  return folder;
}
