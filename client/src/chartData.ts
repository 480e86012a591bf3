// Turns a finished sweep into what the chart webview plots (client/media/chart.js): lines aligned on
// one x array per chart, downsampled, with a colour and dash per decay value; with several seeds,
// each line is their mean and carries a band of mean ± standard deviation over the seeds. Pure and
// free of 'vscode', so the unit tests run it directly; the webview receives only this (not the raw
// result, which holds every step's loss and, with returnWeights, the weights) and keeps it in its state.
import type { SweepOutcome } from '@decay-lens/server/protocol';

type SweepRunData = SweepOutcome['result']['runs'][number];
type EvaluationData = SweepRunData['evaluations'][number];

/** At most this many points per training-loss line. */
export const MAX_POINTS = 500;

/** The run without decay is the baseline: drawn in the text colour, solid, in every chart. */
export const NO_DECAY_COLOR = '--vscode-editor-foreground';

/** VS Code's chart colours, in the order the runs with decay take them (by their index in the sweep). */
export const PALETTE = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-red',
  '--vscode-charts-purple',
  '--vscode-charts-yellow',
] as const;

/** With more runs than colours, the next rounds of the palette are dashed, then dotted. */
export const DASHES: readonly number[][] = [[], [8, 4], [2, 3]];

export interface ChartRun {
  decay: number;
  /** `wd=0.003`, plus `(diverged)` for a diverged run. */
  label: string;
  /** A CSS variable name (PALETTE or NO_DECAY_COLOR); the webview reads its value for the canvas. */
  colorVar: string;
  /** Canvas line dash ([] solid). */
  dash: number[];
  /** Step after which the run diverged, null when it did not. */
  divergedAt: number | null;
  /** Loss at the last evaluation (null when diverged), as the server ranks runs. */
  finalLoss: number | null;
  finalAccuracy: number | null;
  finalNorm: number | null;
  best: boolean;
  /** Seeds behind the figures, and the standard deviation over them of the final loss and accuracy (null for one seed). */
  seeds?: number;
  finalLossSd?: number | null;
  finalAccuracySd?: number | null;
}

/** Mean ± standard deviation over seeds at each x of a line (null where a seed has no value). */
export interface Band {
  lower: (number | null)[];
  upper: (number | null)[];
}

/** Lines sharing one x array: `ys[i]` belongs to `runs[i]`, null where there is no value. */
export interface LineChart {
  x: number[];
  ys: (number | null)[][];
  /** y axis: log for losses that span a decade or more, linear otherwise (and for norms). */
  log: boolean;
  /** Fixed y range when diverging runs would squash the others (their lines leave the top). */
  yRange: [number, number] | null;
  /** `bands[i]` belongs to `runs[i]`: null for a run of one seed; absent in charts made before seeds. */
  bands?: (Band | null)[];
}

export interface FinalLossChart {
  /** The positive decay values, ascending (the log x axis). */
  x: number[];
  /** Index into `runs` of each x. */
  runIndex: number[];
  /** Final validation loss at each x (null where diverged). */
  y: (number | null)[];
  /** Its standard deviation over seeds at each x (null for one seed); drawn as error bars. */
  sd?: (number | null)[];
  /** The run without decay, drawn as a horizontal reference line (0 has no place on a log axis). */
  noDecay: { runIndex: number; loss: number | null; sd?: number | null } | null;
}

export interface SweepChart {
  version: 1;
  uri: string;
  line: number;
  /** `Decay sweep: train.py:42` (1-based line). */
  title: string;
  headline: string;
  /** What the bug costs, as a sentence, when the decay never reaches the loss. */
  bugCost: string | null;
  /** The model and training, e.g. `MLP 32-128-10 relu, sgd lr=0.05, 600 steps, batch 64`. */
  description: string;
  runs: ChartRun[];
  /** Per step; `every` steps are averaged into one point. */
  trainLoss: LineChart & { every: number };
  validationLoss: LineChart;
  /** The norm of all kernels together, sqrt(sum over layers of |W_l|^2). */
  weightNorm: LineChart;
  finalLoss: FinalLossChart;
}

/** A compact decay value: 0.003, 1e-5, 0.25. */
export function formatDecay(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** `train.py` from `file:///home/me/train.py` (or the URI itself when it has no path). */
export function fileName(uri: string): string {
  const last = uri.split(/[/\\]/).pop() ?? '';
  const name = last.replace(/^[a-z][a-z0-9+.-]*:/i, '');
  try {
    return decodeURIComponent(name) || uri;
  } catch {
    return name || uri;
  }
}

/**
 * Averages `values` (x = index + 1, as training step i+1 has loss values[i]) in buckets of equal
 * size so at most `max` points remain; a bucket's x is its mean step, its value the mean of its
 * non-null values (null when all are null, e.g. after divergence).
 */
export function downsample(values: readonly (number | null)[], max = MAX_POINTS): { x: number[]; y: (number | null)[]; every: number } {
  const every = Math.max(1, Math.ceil(values.length / Math.max(1, max)));
  const x: number[] = [];
  const y: (number | null)[] = [];
  for (let start = 0; start < values.length; start += every) {
    const end = Math.min(values.length, start + every);
    let sum = 0;
    let count = 0;
    for (let i = start; i < end; i++) {
      const value = values[i];
      if (value !== null && Number.isFinite(value)) {
        sum += value;
        count++;
      }
    }
    x.push((start + 1 + end) / 2);
    y.push(count > 0 ? sum / count : null);
  }
  return { x, y, every };
}

/** sqrt(sum of squares): the norm of all kernels as one vector; null if any layer's is unknown. */
export function combinedNorm(norms: readonly (number | null)[]): number | null {
  if (norms.length === 0 || norms.some((norm) => norm === null || !Number.isFinite(norm))) return null;
  return Math.sqrt(norms.reduce<number>((sum, norm) => sum + (norm as number) ** 2, 0));
}

/** The style of the `index`-th run with a positive decay. */
export function runStyle(index: number): { colorVar: string; dash: number[] } {
  const round = Math.floor(index / PALETTE.length);
  return { colorVar: PALETTE[index % PALETTE.length], dash: [...DASHES[round % DASHES.length]] };
}

/** One style per run: wd=0 the baseline colour, the others the palette in the sweep's order. */
export function runStyles(decays: readonly number[]): { colorVar: string; dash: number[] }[] {
  let positive = 0;
  return decays.map((decay) => (decay === 0 ? { colorVar: NO_DECAY_COLOR, dash: [] } : runStyle(positive++)));
}

/**
 * A y range that keeps runs that did not diverge readable: when a diverging run climbs above
 * them (before its losses turn null), the top is set to their maximum plus some headroom.
 */
export function robustRange(ys: readonly (number | null)[][], diverged: readonly boolean[], log: boolean): [number, number] | null {
  const values = (rows: readonly (number | null)[][]) => rows.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const all = values(ys);
  const stable = values(ys.filter((_, i) => !diverged[i]));
  if (all.length === 0 || stable.length === 0) return null;
  const max = Math.max(...all);
  const stableMax = Math.max(...stable);
  const cap = log ? stableMax * 3 : stableMax * 1.5;
  if (max <= cap) return null;
  const min = Math.min(...all);
  return [log ? min * 0.8 : Math.min(0, min), cap];
}

/** Sample standard deviation (n - 1) of values that are all numbers; null for fewer than 2 or a missing value. */
export function standardDeviation(values: readonly (number | null | undefined)[]): number | null {
  if (values.length < 2 || values.some((v) => v === null || v === undefined || !Number.isFinite(v))) return null;
  const numbers = values as number[];
  const mean = numbers.reduce((sum, v) => sum + v, 0) / numbers.length;
  return Math.sqrt(numbers.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (numbers.length - 1));
}

/** mean ± sd at each x, from the mean line and each seed's values at the same x ([seed][x]); null for one seed. */
export function bandOf(mean: readonly (number | null)[], perSeed: readonly (readonly (number | null)[])[]): Band | null {
  if (perSeed.length < 2) return null;
  const sd = mean.map((_, j) => standardDeviation(perSeed.map((values) => values[j])));
  const edge = (sign: 1 | -1) => mean.map((m, j) => (m === null || sd[j] === null ? null : m + sign * (sd[j] as number)));
  return { lower: edge(-1), upper: edge(1) };
}

/** Whether values (of the runs that did not diverge, if any) span at least a decade: then log y. */
export function spansDecade(ys: readonly (number | null)[][], diverged: readonly boolean[]): boolean {
  const stable = ys.filter((_, i) => !diverged[i]);
  const values = (stable.length > 0 ? stable : ys).flat().filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  return values.length > 0 && Math.max(...values) >= 10 * Math.min(...values);
}

function lineChart(x: number[], ys: (number | null)[][], diverged: boolean[], allowLog: boolean, bands?: (Band | null)[]): LineChart {
  const log = allowLog && spansDecade(ys, diverged);
  // A log axis has no place for 0 or below: such points become gaps.
  const cleanRow = (row: readonly (number | null)[]) => row.map((v) => (v === null || !Number.isFinite(v) || (log && v <= 0) ? null : v));
  const clean = ys.map(cleanRow);
  const chart: LineChart = { x, ys: clean, log, yRange: robustRange(clean, diverged, log) };
  if (bands) chart.bands = bands.map((band) => band && { lower: cleanRow(band.lower), upper: cleanRow(band.upper) });
  return chart;
}

/** `0.750 ± 0.020` (the mean alone without a spread). */
function withSd(value: number, sd: number | null | undefined): string {
  return `${value.toFixed(3)}${sd != null ? ` ± ${sd.toFixed(3)}` : ''}`;
}

function bugCostSentence(outcome: SweepOutcome): string | null {
  const cost = outcome.bugCost;
  if (!cost) return null;
  const wd = `wd=${formatDecay(cost.decay)}`;
  const start = `What the bug costs: the decay (${wd}) never reaches the loss, so training runs as with wd=0`;
  const { asWritten, asIntended } = cost;
  if (asWritten === null && asIntended === null) return `${start}; both runs diverged, so this sweep cannot tell.`;
  if (asWritten === null) return `${start}, and that run diverged; with ${wd} applied, final validation loss ${asIntended!.toFixed(3)}.`;
  if (asIntended === null) return `${start} (final validation loss ${asWritten.toFixed(3)}); with ${wd} applied the run diverged.`;
  const spreadAt = (decay: number) => outcome.result.runs.find((run) => run.decay === decay)?.final?.validationLoss;
  const [written, intended] = [spreadAt(0), spreadAt(cost.decay)];
  // The runtime's rule (seedStats.ts withinNoise): closer than sqrt(sd_a^2 + sd_b^2).
  const noise = written?.sd != null && intended?.sd != null ? Math.hypot(written.sd, intended.sd) : null;
  const percent = asIntended > 0 ? `${asWritten >= asIntended ? '+' : ''}${(((asWritten - asIntended) / asIntended) * 100).toFixed(0)}%` : '';
  const within = noise !== null && Math.abs(asWritten - asIntended) < noise;
  const note = within ? ` (${percent ? `${percent}, ` : ''}within noise: the seeds of each spread further than that)` : percent ? ` (${percent})` : '';
  return `${start}: final validation loss ${withSd(asWritten, written?.sd)} instead of ${withSd(asIntended, intended?.sd)} with ${wd} applied${note}.`;
}

/** `16x16x3 -> conv 3x3x8 -> maxpool 2 -> dense 10`, or `MLP 32-128-10`. */
function describeModel(spec: SweepOutcome['result']['spec']): string {
  if (!spec.network || !spec.input) return `MLP ${spec.layers.join('-')}`;
  const size = (value: number | number[]) => (Array.isArray(value) ? value.join('x') : `${value}x${value}`);
  const layer = (l: NonNullable<typeof spec.network>[number]) =>
    l.kind === 'conv' ? `conv ${size(l.kernel)}x${l.filters}` : l.kind === 'maxpool' || l.kind === 'avgpool' ? `${l.kind} ${size(l.size)}` : l.kind === 'dense' ? `dense ${l.units}` : l.kind;
  return `${spec.input.join('x')} -> ${spec.network.map(layer).join(' -> ')}`;
}

/** Each seed's values at the evaluation steps ([seed][step]); empty for a run without seeds. */
function seedsAtSteps(run: SweepRunData, steps: readonly number[], pick: (e: EvaluationData) => number | null): (number | null)[][] {
  return (run.seeds ?? []).map((seed) => {
    const byStep = new Map(seed.evaluations.map((e) => [e.step, pick(e)]));
    return steps.map((step) => byStep.get(step) ?? null);
  });
}

/** The charts of a finished sweep. */
export function toSweepChart(outcome: SweepOutcome, maxPoints = MAX_POINTS): SweepChart {
  const { result } = outcome;
  const spec = result.spec;
  const diverged = result.runs.map((run) => run.divergedAt !== undefined);
  const styles = runStyles(result.runs.map((run) => run.decay));
  const runs: ChartRun[] = result.runs.map((run, i) => {
    const last = run.evaluations[run.evaluations.length - 1];
    const ok = run.divergedAt === undefined;
    return {
      decay: run.decay,
      label: `wd=${formatDecay(run.decay)}${ok ? '' : ' (diverged)'}`,
      ...styles[i],
      divergedAt: run.divergedAt ?? null,
      finalLoss: ok ? last?.loss ?? null : null,
      finalAccuracy: ok ? last?.accuracy ?? null : null,
      finalNorm: ok && last ? combinedNorm(last.weightNorms) : null,
      best: result.best?.decay === run.decay,
      seeds: run.seeds?.length ?? 1,
      finalLossSd: ok ? run.final?.validationLoss.sd ?? null : null,
      finalAccuracySd: ok ? run.final?.accuracy?.sd ?? null : null,
    };
  });

  const train = result.runs.map((run) => downsample(run.trainLoss, maxPoints));
  const longest = train.reduce((a, b) => (b.x.length > a.x.length ? b : a), { x: [] as number[], y: [], every: 1 });
  const trainYs = train.map((t) => longest.x.map((_, j) => t.y[j] ?? null));
  const trainBands = result.runs.map((run, i) =>
    bandOf(
      trainYs[i],
      (run.seeds ?? []).map((seed) => {
        const own = downsample(seed.trainLoss, maxPoints);
        return longest.x.map((_, j) => own.y[j] ?? null);
      }),
    ),
  );

  // Evaluation steps are the same for every run; the union keeps lines aligned if they ever differ.
  const steps = [...new Set(result.runs.flatMap((run) => run.evaluations.map((e) => e.step)))].sort((a, b) => a - b);
  const atSteps = (pick: (e: EvaluationData) => number | null) =>
    result.runs.map((run) => {
      const byStep = new Map(run.evaluations.map((e) => [e.step, pick(e)]));
      return steps.map((step) => byStep.get(step) ?? null);
    });
  const withBands = (pick: (e: EvaluationData) => number | null) => {
    const ys = atSteps(pick);
    return { ys, bands: result.runs.map((run, i) => bandOf(ys[i], seedsAtSteps(run, steps, pick))) };
  };
  const validation = withBands((e) => e.loss);
  const norms = withBands((e) => combinedNorm(e.weightNorms));
  const seeds = Math.max(1, ...runs.map((run) => run.seeds ?? 1));

  const positive = runs.map((run, i) => ({ run, i })).filter(({ run }) => run.decay > 0).sort((a, b) => a.run.decay - b.run.decay);
  const zero = runs.findIndex((run) => run.decay === 0);

  const optimizer = spec.optimizer.kind;
  return {
    version: 1,
    uri: outcome.uri,
    line: outcome.line,
    title: `Decay sweep: ${fileName(outcome.uri)}:${outcome.line + 1}`,
    headline: outcome.headline,
    bugCost: bugCostSentence(outcome),
    description:
      `${describeModel(spec)} ${spec.activation}, ${optimizer} lr=${spec.learningRate}, ${spec.decayStyle} decay` +
      `${spec.decayLayers ? ` on layers ${spec.decayLayers.join(',')}` : ''}, ${spec.steps} steps, batch ${spec.batchSize}, ` +
      (seeds > 1 ? `${seeds} seeds from ${spec.seed}: lines are their mean, bands and bars ± one standard deviation` : `seed ${spec.seed}`),
    runs,
    trainLoss: { ...lineChart(longest.x, trainYs, diverged, true, trainBands), every: longest.every },
    validationLoss: lineChart(steps, validation.ys, diverged, true, validation.bands),
    weightNorm: lineChart(steps, norms.ys, diverged, false, norms.bands),
    finalLoss: {
      x: positive.map(({ run }) => run.decay),
      runIndex: positive.map(({ i }) => i),
      y: positive.map(({ run }) => run.finalLoss),
      sd: positive.map(({ run }) => run.finalLossSd ?? null),
      noDecay: zero >= 0 ? { runIndex: zero, loss: runs[zero].finalLoss, sd: runs[zero].finalLossSd ?? null } : null,
    },
  };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNullableNumber = (v: unknown) => v === null || isNumber(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isLineChart(v: unknown, runs: number): boolean {
  if (!isRecord(v) || !Array.isArray(v.x) || !v.x.every(isNumber) || !Array.isArray(v.ys) || v.ys.length !== runs) return false;
  const length = v.x.length;
  const isRow = (row: unknown) => Array.isArray(row) && row.length === length && row.every(isNullableNumber);
  // Bands are optional (charts stored before seeds have none); when present, one per run, aligned on x.
  const bandsOk =
    v.bands === undefined ||
    (Array.isArray(v.bands) && v.bands.length === runs && v.bands.every((band) => band === null || (isRecord(band) && isRow(band.lower) && isRow(band.upper))));
  return v.ys.every(isRow) && bandsOk;
}

/** Whether a value (a restored webview state, a message) is a SweepChart this version can draw. */
export function isSweepChart(v: unknown): v is SweepChart {
  if (!isRecord(v) || v.version !== 1 || typeof v.uri !== 'string' || !isNumber(v.line) || typeof v.title !== 'string') return false;
  if (typeof v.headline !== 'string' || !(v.bugCost === null || typeof v.bugCost === 'string') || !Array.isArray(v.runs)) return false;
  const runs = v.runs.length;
  const runsOk = v.runs.every(
    (r) => isRecord(r) && isNumber(r.decay) && typeof r.label === 'string' && typeof r.colorVar === 'string' && /^--vscode-[\w-]+$/.test(r.colorVar),
  );
  const final = v.finalLoss;
  return (
    runsOk &&
    isLineChart(v.trainLoss, runs) &&
    isLineChart(v.validationLoss, runs) &&
    isLineChart(v.weightNorm, runs) &&
    isRecord(final) &&
    Array.isArray(final.x) &&
    final.x.every(isNumber) &&
    Array.isArray(final.runIndex) &&
    final.runIndex.length === final.x.length &&
    final.runIndex.every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < runs) &&
    (final.sd === undefined || (Array.isArray(final.sd) && final.sd.length === final.x.length && final.sd.every(isNullableNumber)))
  );
}
