// `decay-lens sweep`: trains a small model once per weight-decay value (in child processes) and
// prints a table, or the whole result as JSON. The spec comes from a JSON file, flags, or both
// (flags win), on top of the documented defaults.
import * as path from 'node:path';
import { decayValuesAround, defaultSpec, differenceNoise, searchSweep, seedCount, SweepCancelledError, type Spread, type SweepResult, type SweepRun, type SweepSearch, type SweepSpec } from '@decay-lens/runtime';
import { describeModel } from '@decay-lens/runtime/spec';
import { readSourceFile } from '../files/sourceFiles';
import { resolveInside } from '../files/workspacePaths';
import { isRecord } from '../isRecord';
import { parse, positiveInteger, positiveNumber, UsageError } from './args';
import type { CliIo } from './run';

export const SWEEP_HELP = `Usage: decay-lens sweep [--spec FILE.json] [OPTIONS] [--json]

Trains a small model once per weight-decay value and seed, side by side in onnxruntime
graphs spread over the cores, and compares validation loss, accuracy and weight norms (mean
± standard deviation over the seeds). Without options it runs the built-in synthetic task
(a random teacher network, few noisy samples) that overfits without decay; a spec with a
convolutional network trains on synthetic images instead.

  --spec FILE        A JSON sweep spec (see docs/sweeps.md); options below override it.
  --layers A,B,...   Layer widths, input to output (default 32,128,10).
  --activation F     relu or tanh.
  --optimizer O      sgd, momentum, nesterov, adam (coupled L2) or adamw (decoupled).
  --lr X             Learning rate.
  --wd X             Decay values around X: X times 0, 0.1, 0.3, 1, 3, 10 and two more.
  --decays A,B,...   Exactly these decay values.
  --decay-style S    l2-loss (wd * tf.nn.l2_loss), keras-l2 (wd * sum(w**2)) or decoupled.
  --decay-biases     Decay biases too (default: kernels only).
  --decay-layers L   Decay only these layers, e.g. 0,1 (default: all).
  --steps N          Training steps (default 600).
  --batch N          Batch size.
  --seed N           Seed for data, initial weights and batches.
  --seeds K          Train every decay value on K seeds (default 3): their initial weights
                     and batch orders differ, the data does not.
  --data FILE        Train on a .csv or .npy file instead (features and a label column), or
                     on a .npy of images N,H,W,C (labels beside it: FILE.labels.npy,
                     FILE.labels.txt, labels.npy or labels.txt).
  --labels FILE      The labels of --data images: a .npy of N integers or one per line.
  --validation FILE  Validate on this whole file (same columns, or images of the same
                     H,W,C) and train on the whole --data file, instead of a seeded 20%
                     split of --data.
  --validation-labels FILE
                     The labels of --validation images (default: found beside them, as
                     for --data).
  --label-column N   Column of the label in --data (default -1, the last).
  --regression       --data holds a regression target, not class labels.
  --no-adapt         Train the grid alone. By default, when the best value is at an end
                     of the grid the search extends it there, then refines around the best
                     (see docs/sweeps.md, "Adaptive range").
  --rounds N         Rounds after the grid (default 3).
  --budget S         Start no round that would end after S seconds of the sweep (default
                     twice the grid's time plus 5 s).
  --timeout S        Give up after S seconds (default 120).
  --json             Print the whole result as JSON.

Exit status: 0 done, 1 the sweep failed (bad data, diverged everywhere, timeout), 2 usage
error, 130 cancelled.
`;

const EXIT_SWEEP_FAILED = 1;
const EXIT_CANCELLED = 130;

export async function sweepCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    spec: { type: 'string' },
    layers: { type: 'string' },
    activation: { type: 'string' },
    optimizer: { type: 'string' },
    lr: { type: 'string' },
    wd: { type: 'string' },
    decays: { type: 'string' },
    'decay-style': { type: 'string' },
    'decay-biases': { type: 'boolean' },
    'decay-layers': { type: 'string' },
    steps: { type: 'string' },
    batch: { type: 'string' },
    seed: { type: 'string' },
    seeds: { type: 'string' },
    data: { type: 'string' },
    labels: { type: 'string' },
    validation: { type: 'string' },
    'validation-labels': { type: 'string' },
    'label-column': { type: 'string' },
    regression: { type: 'boolean' },
    'no-adapt': { type: 'boolean' },
    rounds: { type: 'string' },
    budget: { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(SWEEP_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`sweep takes no file arguments (got '${positionals[0]}'); use --spec or --data`);
  const specFile = typeof values.spec === 'string' ? path.resolve(io.cwd, values.spec) : undefined;
  const spec = buildSpec(values, io.cwd, specFile === undefined ? {} : await readSpecFile(specFile, io.cwd));
  const timeoutSeconds = values.timeout === undefined ? 120 : positiveNumber(values.timeout, '--timeout');
  let lastDrawn = -1;
  let training = `${spec.decayValues.length} decay values`;
  try {
    const result = await searchSweep(spec, {
      signal: io.signal,
      timeoutMs: timeoutSeconds * 1000,
      onRound: (round, index) => {
        training = `round ${index}: ${round.decayValues.length} more decay values`;
        lastDrawn = -1;
      },
      onProgress: ({ step, steps }) => {
        if (!io.interactive) return;
        const percent = Math.floor((100 * step) / steps);
        if (percent !== lastDrawn) io.stderr(`\r\x1b[Ktraining ${training} x ${seedCount(spec)} seeds: ${percent}%`);
        lastDrawn = percent;
      },
    });
    if (io.interactive) io.stderr('\r\x1b[K');
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatSweepTable(result));
    return result.best ? 0 : EXIT_SWEEP_FAILED;
  } catch (error) {
    if (io.interactive) io.stderr('\n');
    if (error instanceof SweepCancelledError) {
      io.stderr('decay-lens: sweep cancelled\n');
      return EXIT_CANCELLED;
    }
    io.stderr(`decay-lens: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_SWEEP_FAILED;
  }
}

type SweepFlags = Record<string, string | boolean | undefined>;

function buildSpec(values: SweepFlags, cwd: string, fromFile: Partial<SweepSpec>): SweepSpec {
  const spec = defaultSpec(fromFile);
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  if (text('layers') !== undefined) spec.layers = numberList(text('layers')!, '--layers').map((width) => positiveInteger(String(width), '--layers'));
  if (text('activation') !== undefined) spec.activation = oneOf(text('activation')!, ['relu', 'tanh'], '--activation');
  if (text('optimizer') !== undefined) {
    const kind = oneOf(text('optimizer')!, ['sgd', 'momentum', 'nesterov', 'adam', 'adamw'], '--optimizer');
    spec.optimizer = { kind };
    // AdamW is decoupled by definition; the others are coupled unless told otherwise.
    if (kind === 'adamw') spec.decayStyle = 'decoupled';
    else if (spec.decayStyle === 'decoupled') spec.decayStyle = 'l2-loss';
  }
  if (text('decay-style') !== undefined) spec.decayStyle = oneOf(text('decay-style')!, ['l2-loss', 'keras-l2', 'decoupled'], '--decay-style');
  if (values['decay-biases']) spec.decayBiases = true;
  if (text('decay-layers') !== undefined) spec.decayLayers = numberList(text('decay-layers')!, '--decay-layers');
  if (text('lr') !== undefined) spec.learningRate = positiveNumber(text('lr')!, '--lr');
  if (text('wd') !== undefined) spec.decayValues = decayValuesAround(positiveNumber(text('wd')!, '--wd'));
  if (text('decays') !== undefined) spec.decayValues = numberList(text('decays')!, '--decays');
  if (text('steps') !== undefined) spec.steps = positiveInteger(text('steps')!, '--steps');
  if (text('batch') !== undefined) spec.batchSize = positiveInteger(text('batch')!, '--batch');
  if (text('seed') !== undefined) spec.seed = positiveInteger(text('seed')!, '--seed');
  if (text('seeds') !== undefined) spec.seeds = positiveInteger(text('seeds')!, '--seeds');
  if (values['no-adapt']) spec.adaptive = false;
  if (text('rounds') !== undefined) spec.searchRounds = positiveInteger(text('rounds')!, '--rounds');
  if (text('budget') !== undefined) spec.searchBudgetMs = positiveNumber(text('budget')!, '--budget') * 1000;
  if (text('validation') !== undefined && text('data') === undefined) throw new UsageError('--validation goes with --data (the file it validates)');
  if (text('validation-labels') !== undefined && text('validation') === undefined) throw new UsageError('--validation-labels goes with --validation (the images it labels)');
  // An explicit validation file replaces the split: the training file trains whole.
  const validation = text('validation') === undefined ? { validationFraction: 0.2 } : { validationPath: path.resolve(cwd, text('validation')!) };
  if (text('labels') !== undefined || text('validation-labels') !== undefined) {
    if (text('data') === undefined) throw new UsageError('--labels goes with --data (the images it labels)');
    if (text('label-column') !== undefined || values.regression) throw new UsageError('--labels and --validation-labels name the labels of images: --label-column and --regression are for tables');
    spec.task = {
      kind: 'images',
      path: path.resolve(cwd, text('data')!),
      ...(text('labels') !== undefined ? { labels: path.resolve(cwd, text('labels')!) } : {}),
      ...validation,
      ...(text('validation-labels') !== undefined ? { validationLabels: path.resolve(cwd, text('validation-labels')!) } : {}),
    };
  } else if (text('data') !== undefined) {
    spec.task = {
      kind: 'file',
      path: path.resolve(cwd, text('data')!),
      labelColumn: text('label-column') === undefined ? -1 : columnNumber(text('label-column')!),
      task: values.regression ? 'regression' : 'classification',
      ...validation,
    };
  } else if (text('label-column') !== undefined || values.regression) {
    throw new UsageError('--label-column and --regression go with --data');
  }
  return spec;
}

/** Initial weights make the largest specs: 64 MiB is ~3 million numbers. */
const MAX_SPEC_BYTES = 64 * 1024 * 1024;

async function readSpecFile(file: string, cwd: string): Promise<Partial<SweepSpec>> {
  const read = await readSourceFile(file, MAX_SPEC_BYTES);
  if ('skipped' in read) throw new UsageError(`spec ${file}: ${read.skipped}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch (error) {
    throw new UsageError(`spec ${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(parsed)) throw new UsageError(`spec ${file} must be a JSON object`);
  const spec = parsed as Partial<SweepSpec>;
  // A data path in a spec file is relative to the spec file, and stays inside the working folder or
  // the spec's own: a spec file is data (it may come with a repository), `--data` is the user's choice.
  const insidePath = (given: string, what: string, flag: string) => {
    const resolved = [cwd, path.dirname(file)].map((root) => resolveInside(root, path.resolve(path.dirname(file), given), what));
    const inside = resolved.find((candidate) => 'path' in candidate);
    if (!inside || !('path' in inside)) {
      throw new UsageError(`spec ${file}: ${what} '${given}' is outside the working folder and the spec's folder; name it with ${flag} instead`);
    }
    return inside.path;
  };
  if ((spec.task?.kind === 'file' || spec.task?.kind === 'images') && typeof spec.task.path === 'string') {
    spec.task = { ...spec.task, path: insidePath(spec.task.path, 'the data file', '--data') };
  }
  if (spec.task?.kind === 'images' && typeof spec.task.labels === 'string') {
    spec.task = { ...spec.task, labels: insidePath(spec.task.labels, 'the labels file', '--labels') };
  }
  if ((spec.task?.kind === 'file' || spec.task?.kind === 'images') && typeof spec.task.validationPath === 'string') {
    spec.task = { ...spec.task, validationPath: insidePath(spec.task.validationPath, 'the validation file', '--validation') };
  }
  if (spec.task?.kind === 'images' && typeof spec.task.validationLabels === 'string') {
    spec.task = { ...spec.task, validationLabels: insidePath(spec.task.validationLabels, 'the validation labels file', '--validation-labels') };
  }
  return spec;
}

function numberList(text: string, flag: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  // Number('') is 0: an empty part is a typo, not a zero.
  if (parts.some((part) => part === '' || !Number.isFinite(Number(part)))) throw new UsageError(`${flag} takes comma-separated numbers (got '${text}')`);
  return parts.map(Number);
}

function columnNumber(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new UsageError(`--label-column takes a column number, negative from the end (got '${text}')`);
  return value;
}

function oneOf<T extends string>(text: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(text)) throw new UsageError(`${flag} is one of ${allowed.join(', ')} (got '${text}')`);
  return text as T;
}

/** The data in a few words. */
function describeData(spec: SweepSpec, result: SweepResult): string {
  const task = spec.task;
  switch (task.kind) {
    case 'synthetic':
      return `synthetic task (${task.trainSamples} training / ${task.validationSamples} validation samples, ${Math.round(task.labelNoise * 100)}% label noise)`;
    case 'synthetic-images':
      return `synthetic images (${task.trainSamples} training / ${task.validationSamples} validation, pixel noise ${task.noise}, ${Math.round(task.labelNoise * 100)}% label noise)`;
    case 'images':
      return `${path.basename(task.path)} (images${task.labels ? `, labels ${path.basename(task.labels)}` : ''})${validatedOn(task.validationPath, result)}`;
    case 'file':
      return `${path.basename(task.path)} (${result.task})${validatedOn(task.validationPath, result)}`;
  }
}

/** `, validated on val.csv (200 rows)`: an explicit validation file. */
function validatedOn(validationPath: string | undefined, result: SweepResult): string {
  if (validationPath === undefined) return '';
  return `, validated on ${path.basename(validationPath)}${result.samples ? ` (${result.samples.validation} rows)` : ''}`;
}

/** `1.885 ± 0.021`: the mean over seeds and their standard deviation (the mean alone for one seed). */
function withSpread(spread: Spread | undefined, mean: number | null | undefined, digits: number, scale = 1, unit = ''): string {
  if (mean === null || mean === undefined) return '';
  const value = `${(mean * scale).toFixed(digits)}${unit}`;
  return spread?.sd != null ? `${value} ± ${(spread.sd * scale).toFixed(digits)}${unit}` : value;
}

/** The sweep as a table: one row per decay value (means over seeds ± their standard deviation), the best marked, the comparison with no decay. */
export function formatSweepTable(result: SweepResult): string {
  const spec = result.spec;
  const seeds = seedCount(spec);
  const seedText = seeds > 1 ? `${seeds} seeds from ${spec.seed} (mean ± standard deviation)` : `seed ${spec.seed}`;
  const lines = [
    `Decay sweep: ${describeModel(spec)}, ${spec.optimizer.kind} lr=${spec.learningRate}, ${spec.decayStyle} decay on ${spec.decayBiases ? 'all tensors' : 'kernels'}, ${spec.steps} steps of ${spec.batchSize}, ${describeData(spec, result)}, ${seedText}`,
    '',
  ];
  const classification = result.task === 'classification';
  const header = ['', 'wd', 'train loss', 'val loss', ...(classification ? ['val acc'] : []), '|W| per layer'];
  const rows = result.runs.map((run) => {
    const last = run.evaluations[run.evaluations.length - 1];
    const train = run.trainLoss[run.trainLoss.length - 1];
    const diverged = run.divergedAt !== undefined;
    return [
      result.best?.decay === run.decay ? '*' : '',
      String(run.decay),
      diverged ? divergedText(run) : format(train),
      diverged ? '' : withSpread(run.final?.validationLoss, last?.loss, 3),
      ...(classification ? [diverged ? '' : withSpread(run.final?.accuracy, last?.accuracy, 1, 100, '%')] : []),
      diverged ? '' : (last?.weightNorms ?? []).map((norm) => format(norm, 2)).join(' '),
    ];
  });
  const widths = header.map((_, column) => Math.max(header[column].length, ...rows.map((row) => row[column].length)));
  const render = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  lines.push(render(header), ...rows.map(render), '');
  if (result.search) lines.push(...formatSearch(result.search), '');
  const zero = result.runs.find((run) => run.decay === 0);
  const best = result.runs.find((run) => run.decay === result.best?.decay);
  const none = result.noDecay?.validationLoss;
  if (result.best) {
    const bestLoss = withSpread(best?.final?.validationLoss, result.best.validationLoss, 3);
    let comparison = '';
    if (none != null && result.best.decay !== 0) {
      const noise = best?.final && zero?.final ? differenceNoise(best.final.validationLoss, zero.final.validationLoss) : null;
      const change = `${(((result.best.validationLoss - none) / none) * 100).toFixed(0)}%`;
      const verdict = noise !== null && Math.abs(result.best.validationLoss - none) < noise ? `${change}, within noise` : change;
      comparison = ` vs ${withSpread(zero?.final?.validationLoss, none, 3)} without decay (${verdict})`;
    } else if (result.best.decay === 0) comparison = result.runs.length > 1 ? ': no decay value beat training without decay' : ' (only wd=0 was trained)';
    lines.push(`Best: wd=${result.best.decay}, validation loss ${bestLoss}${comparison}.`);
  } else {
    lines.push('Every run diverged: lower the learning rate or the decay values.');
  }
  const trained = seeds > 1 ? `${result.runs.length} decay values x ${seeds} seeds` : `${result.runs.length} decay values`;
  lines.push(`Trained ${trained} x ${spec.steps} steps in ${(result.timings.totalMs / 1000).toFixed(2)} s (graph setup ${(result.timings.sessionMs / 1000).toFixed(2)} s).`);
  return `${lines.join('\n')}\n`;
}

/** The adaptive search in a few lines: the grid, each round and why it ran, why it stopped. */
function formatSearch(search: SweepSearch): string[] {
  const [grid, ...rounds] = search.rounds;
  return [
    `Search: the grid of ${grid.decayValues.length} values, then ${rounds.length === 0 ? 'no further round' : rounds.length === 1 ? '1 round' : `${rounds.length} rounds`}`,
    ...rounds.map((round, index) => `  round ${index + 1}: ${round.reason}`),
    `  stopped: ${search.stopped}`,
  ];
}

/** `diverged at step 12`, and how many of the seeds did when not all. */
function divergedText(run: SweepRun): string {
  const seeds = run.seeds ?? [];
  const diverged = seeds.filter((seed) => seed.divergedAt !== undefined).length;
  return `diverged at step ${run.divergedAt}${seeds.length > 1 && diverged < seeds.length ? ` (${diverged} of ${seeds.length} seeds)` : ''}`;
}

function format(value: number | null, digits = 3): string {
  return value === null || value === undefined ? '' : value.toFixed(digits);
}
