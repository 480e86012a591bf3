// Messages between runSweep (parent) and the sweep worker (child process), and the result type.
import type { SweepProgress, SweepRun } from '../train/trainer';
import type { LayerSpec, SweepSpec } from './spec';

export interface SweepResult {
  spec: SweepSpec;
  task: 'classification' | 'regression';
  runs: SweepRun[];
  /** The decay value with the lowest final validation loss (diverged runs excluded). */
  best?: { decay: number; validationLoss: number };
  /** The run without decay, when the sweep has one. */
  noDecay?: { validationLoss: number | null };
  timings: { sessionMs: number; trainMs: number; totalMs: number };
}

/** What one worker trained: some of the sweep's decay values. */
export interface SweepPart {
  task: 'classification' | 'regression';
  /** The widths trained (they follow the data with fitLayersToData). */
  layers: number[];
  /** The layer sequence trained, for a network spec (its output units follow the data with fitLayersToData). */
  network?: LayerSpec[];
  runs: SweepRun[];
  timings: { sessionMs: number; trainMs: number };
}

export type ParentMessage = { type: 'start'; spec: SweepSpec } | { type: 'stop' };

export type WorkerMessage =
  | { type: 'progress'; progress: SweepProgress }
  | { type: 'result'; part: SweepPart }
  | { type: 'error'; message: string; cancelled?: boolean };
