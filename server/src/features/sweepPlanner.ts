// The proxy sweep for a place in the code: the layer widths its shapes describe, its optimizer,
// learning rate and decay value, the user's sweep settings, and SPEC.md's defaults for the rest.
import type { SweepResult } from '@decay-lens/runtime';
import { decayValuesAround, defaultImageTask, defaultSpec, withinNoise, type Spread, type SweepSpec } from '@decay-lens/runtime/spec';
import { formatNumber } from '../rules/describe';
import type { SweepOutcome } from '../protocol';
import { proxyNetwork } from './proxyNetwork';
import type { SweepPlace } from './sweepPlaces';

export interface SweepSettings {
  steps?: number;
  decayValues?: number[];
  /** Trainings per decay value (the runtime's `seeds`); defaultSpec's when unset. */
  seeds?: number;
  /**
   * A CSV or NPY table to train on instead of the synthetic task, or a .npy of images (N,H,W,C)
   * whose labels lie beside it (the runtime finds them: imageData.ts labelCandidates).
   */
  dataFile?: string;
  /**
   * With `dataFile`: the file that validates whole while `dataFile` trains whole (the task's
   * `validationPath`; images' labels found beside it as beside `dataFile`).
   */
  validationFile?: string;
  /** Why the settings cannot run (a file leaving the workspace, a validation file without a data file): sweeps say so and do not run. */
  problems?: string[];
}

/** Widths the code does not state (a name like `dim`), and the classes of the proxy's output. */
export const UNKNOWN_WIDTH = 64;
export const PROXY_CLASSES = 10;
/** Wider layers are capped so a sweep stays a matter of seconds. */
export const MAX_PROXY_WIDTH = 256;
export const DEFAULT_DECAY = 0.01;
/** Steps of a convolutional proxy when the settings name none (an MLP's default is defaultSpec's). */
export const CONVOLUTIONAL_STEPS = 300;

export interface PlannedSweep {
  spec: SweepSpec;
  /** Adam with coupled L2 in the loss: also train the same values decoupled (AdamW). */
  decoupledSpec?: SweepSpec;
  /** The decay value the code asks for (trained beside 0 to show what it does, or what its absence costs). */
  intendedDecay: number;
}

export function planSweep(place: SweepPlace, settings: SweepSettings = {}): PlannedSweep {
  const defaults = defaultSpec();
  const widths = chainShapes(place.shapes);
  const layers =
    widths.length > 0 ? (place.shapesReachOutput && widths.length > 2 ? widths : [...widths, PROXY_CLASSES]).map((width) => Math.min(width, MAX_PROXY_WIDTH)) : defaults.layers;
  const kind = place.optimizer?.kind;
  const optimizer = kind === 'momentum' ? 'momentum' : kind === 'adamw' ? 'adamw' : kind === 'adam' || kind === 'adaptive' ? 'adam' : 'sgd';
  const intendedDecay = place.decay !== undefined && place.decay > 0 ? place.decay : DEFAULT_DECAY;
  const decayValues = [...new Set([0, intendedDecay, ...(settings.decayValues ?? decayValuesAround(intendedDecay))])].sort((a, b) => a - b);
  const spec: SweepSpec = {
    ...defaults,
    layers,
    optimizer: { kind: optimizer },
    decayStyle: optimizer === 'adamw' ? 'decoupled' : defaults.decayStyle,
    learningRate: place.optimizer?.learningRate ?? (optimizer === 'adam' || optimizer === 'adamw' ? 0.001 : defaults.learningRate),
    decayValues,
    steps: settings.steps ?? defaults.steps,
    seeds: settings.seeds ?? defaults.seeds,
  };
  // A model with convolutions: its proxy network on images (the synthetic ones, or a .npy of the user's).
  const convolutional = place.network && (!settings.dataFile || settings.dataFile.toLowerCase().endsWith('.npy')) ? proxyNetwork(place.network.layers, place.network.decays) : undefined;
  if (convolutional) {
    spec.input = convolutional.input;
    spec.network = convolutional.network;
    spec.task = defaultImageTask();
    // A convolution step costs several MLP steps: fewer of them keep the sweep within seconds.
    spec.steps = settings.steps ?? CONVOLUTIONAL_STEPS;
    // Decay on the layers the code decays (all when none is told apart).
    if (convolutional.decayLayers.length > 0) spec.decayLayers = convolutional.decayLayers;
  }
  if (settings.dataFile) {
    // A validation file replaces the split: the data file trains whole and the validation file validates whole.
    const validation = settings.validationFile ? { validationPath: settings.validationFile } : { validationFraction: 0.2 };
    spec.task = { kind: 'file', path: settings.dataFile, labelColumn: -1, task: 'classification', ...validation };
    spec.fitLayersToData = true;
  }
  // A decay term in the loss under Adam is coupled L2 (divided by sqrt(v)+eps, like PyTorch's
  // Adam(weight_decay)); what most users mean is decoupled decay: train both.
  const decoupledSpec = optimizer === 'adam' && place.reachesLoss ? { ...spec, optimizer: { kind: 'adamw' as const }, decayStyle: 'decoupled' as const } : undefined;
  return { spec, decoupledSpec, intendedDecay };
}

/** `[[a, b], [b, c]]` -> [a, b, c]: consecutive shapes that connect; unknown widths connect to anything. */
function chainShapes(shapes: (number | undefined)[][]): number[] {
  const widths: number[] = [];
  for (const [rows, columns] of shapes) {
    if (widths.length === 0) widths.push(rows ?? UNKNOWN_WIDTH, columns ?? UNKNOWN_WIDTH);
    else if (rows === undefined || rows === widths[widths.length - 1]) widths.push(columns ?? UNKNOWN_WIDTH);
  }
  return widths;
}

/** `val 0.52 ± 0.03`: the mean over seeds and its standard deviation; `val diverged` when a seed diverged. */
function valueWithSpread(mean: number | null, spread: Spread | undefined): string {
  if (mean === null) return 'val diverged';
  return `val ${mean.toFixed(2)}${spread?.sd != null ? ` ± ${spread.sd.toFixed(2)}` : ''}`;
}

/**
 * The lens headline and, where the decay never reaches the loss, what that costs. Figures are
 * means over the seeds ± their standard deviation; a difference smaller than the noise of the
 * difference (seedStats.ts withinNoise) is called "within noise" instead of a cost or a win.
 */
export function describeOutcome(place: SweepPlace, planned: PlannedSweep, result: SweepResult, decoupled?: SweepResult): Omit<SweepOutcome, 'uri' | 'line' | 'result' | 'decoupled'> {
  const runAt = (sweep: SweepResult, decay: number) => sweep.runs.find((candidate) => candidate.decay === decay);
  const loss = (decay: number) => {
    const run = runAt(result, decay);
    return run && run.divergedAt === undefined ? run.evaluations[run.evaluations.length - 1]?.loss ?? null : null;
  };
  const figure = (sweep: SweepResult, decay: number, mean: number | null) => valueWithSpread(mean, runAt(sweep, decay)?.final?.validationLoss);
  if (!place.reachesLoss) {
    const asWritten = loss(0);
    const asIntended = loss(planned.intendedDecay);
    const change = asWritten !== null && asIntended !== null && asIntended > 0 ? ((asWritten - asIntended) / asIntended) * 100 : undefined;
    const percent = change === undefined ? '' : `${change >= 0 ? '+' : ''}${change.toFixed(0)}%`;
    const noise = withinNoise(runAt(result, 0)?.final?.validationLoss, runAt(result, planned.intendedDecay)?.final?.validationLoss);
    const verdict = change === undefined ? '' : noise ? ` · the difference (${percent}) is within noise` : ` · the bug costs ${percent} validation loss`;
    return {
      headline:
        `Decay sweep: as written (no decay reaches the loss) ${figure(result, 0, asWritten)} · as intended (wd=${formatNumber(planned.intendedDecay)}) ${figure(result, planned.intendedDecay, asIntended)}` +
        verdict,
      bugCost: { asWritten, asIntended, decay: planned.intendedDecay },
    };
  }
  if (decoupled) {
    const best = (sweep: SweepResult) => (sweep.best ? `${figure(sweep, sweep.best.decay, sweep.best.validationLoss)} at wd=${formatNumber(sweep.best.decay)}` : 'every run diverged');
    const bestSpread = (sweep: SweepResult) => (sweep.best ? runAt(sweep, sweep.best.decay)?.final?.validationLoss : undefined);
    const noise = withinNoise(bestSpread(result), bestSpread(decoupled)) ? ' · within noise' : '';
    return { headline: `Decay sweep: Adam + L2 (coupled, as written) best ${best(result)} · AdamW (decoupled) best ${best(decoupled)}${noise}` };
  }
  if (!result.best) return { headline: 'Decay sweep: every run diverged (lower the learning rate)' };
  const noise = result.best.decay !== 0 && withinNoise(runAt(result, result.best.decay)?.final?.validationLoss, runAt(result, 0)?.final?.validationLoss) ? ' · within noise' : '';
  return {
    headline: `Decay sweep: best wd=${formatNumber(result.best.decay)} · ${figure(result, result.best.decay, result.best.validationLoss)} vs ${figure(result, 0, loss(0)).replace(/^val /, '')} at wd=0${noise}`,
  };
}
