// Turns a finished sweep into what the chart webview plots (client/media/chart.js): lines aligned on
// one x array per chart, downsampled, with a colour and dash per decay value. Pure and free of
// 'vscode', so the unit tests run it directly; the webview receives only this (not the raw result,
// which holds every step's loss and, with returnWeights, the weights) and keeps it in its state.
import type { SweepOutcome } from '@decay-lens/server/protocol';

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
}

/** Lines sharing one x array: `ys[i]` belongs to `runs[i]`, null where there is no value. */
export interface LineChart {
  x: number[];
  ys: (number | null)[][];
  /** y axis: log for losses that span a decade or more, linear otherwise (and for norms). */
  log: boolean;
  /** Fixed y range when diverging runs would squash the others (their lines leave the top). */
  yRange: [number, number] | null;
}

export interface FinalLossChart {
  /** The positive decay values, ascending (the log x axis). */
  x: number[];
  /** Index into `runs` of each x. */
  runIndex: number[];
  /** Final validation loss at each x (null where diverged). */
  y: (number | null)[];
  /** The run without decay, drawn as a horizontal reference line (0 has no place on a log axis). */
  noDecay: { runIndex: number; loss: number | null } | null;
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

/** Whether values (of the runs that did not diverge, if any) span at least a decade: then log y. */
export function spansDecade(ys: readonly (number | null)[][], diverged: readonly boolean[]): boolean {
  const stable = ys.filter((_, i) => !diverged[i]);
  const values = (stable.length > 0 ? stable : ys).flat().filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
  return values.length > 0 && Math.max(...values) >= 10 * Math.min(...values);
}

function lineChart(x: number[], ys: (number | null)[][], diverged: boolean[], allowLog: boolean): LineChart {
  const log = allowLog && spansDecade(ys, diverged);
  // A log axis has no place for 0 or below: such points become gaps.
  const clean = ys.map((row) => row.map((v) => (v === null || !Number.isFinite(v) || (log && v <= 0) ? null : v)));
  return { x, ys: clean, log, yRange: robustRange(clean, diverged, log) };
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
  const change = asIntended > 0 ? ` (${asWritten >= asIntended ? '+' : ''}${(((asWritten - asIntended) / asIntended) * 100).toFixed(0)}%)` : '';
  return `${start}: final validation loss ${asWritten.toFixed(3)} instead of ${asIntended.toFixed(3)} with ${wd} applied${change}.`;
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
    };
  });

  const train = result.runs.map((run) => downsample(run.trainLoss, maxPoints));
  const longest = train.reduce((a, b) => (b.x.length > a.x.length ? b : a), { x: [] as number[], y: [], every: 1 });
  const trainYs = train.map((t) => longest.x.map((_, j) => t.y[j] ?? null));

  // Evaluation steps are the same for every run; the union keeps lines aligned if they ever differ.
  const steps = [...new Set(result.runs.flatMap((run) => run.evaluations.map((e) => e.step)))].sort((a, b) => a - b);
  const atSteps = (pick: (e: SweepOutcome['result']['runs'][number]['evaluations'][number]) => number | null) =>
    result.runs.map((run) => {
      const byStep = new Map(run.evaluations.map((e) => [e.step, pick(e)]));
      return steps.map((step) => byStep.get(step) ?? null);
    });

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
      `MLP ${spec.layers.join('-')} ${spec.activation}, ${optimizer} lr=${spec.learningRate}, ${spec.decayStyle} decay` +
      `${spec.decayLayers ? ` on layers ${spec.decayLayers.join(',')}` : ''}, ${spec.steps} steps, batch ${spec.batchSize}, seed ${spec.seed}`,
    runs,
    trainLoss: { ...lineChart(longest.x, trainYs, diverged, true), every: longest.every },
    validationLoss: lineChart(steps, atSteps((e) => e.loss), diverged, true),
    weightNorm: lineChart(steps, atSteps((e) => combinedNorm(e.weightNorms)), diverged, false),
    finalLoss: {
      x: positive.map(({ run }) => run.decay),
      runIndex: positive.map(({ i }) => i),
      y: positive.map(({ run }) => run.finalLoss),
      noDecay: zero >= 0 ? { runIndex: zero, loss: runs[zero].finalLoss } : null,
    },
  };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNullableNumber = (v: unknown) => v === null || isNumber(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isLineChart(v: unknown, runs: number): boolean {
  if (!isRecord(v) || !Array.isArray(v.x) || !v.x.every(isNumber) || !Array.isArray(v.ys) || v.ys.length !== runs) return false;
  const length = v.x.length;
  return v.ys.every((row) => Array.isArray(row) && row.length === length && row.every(isNullableNumber));
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
    final.runIndex.every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < runs)
  );
}
