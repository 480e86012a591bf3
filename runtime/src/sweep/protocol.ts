// Messages between runSweep (parent) and the sweep worker (child process), and the result type.
import type { SweepProgress, SweepRun } from '../train/trainer';
import type { SweepSearch } from './adaptiveRange';
import type { LayerSpec, SweepSpec, TaskSpec } from './spec';

export interface SweepResult {
  /** The spec as it trained: widths and an image input fitted to the data, images read from files as an `images` task naming their labels. */
  spec: SweepSpec;
  task: 'classification' | 'regression';
  /** One per decay value, in the spec's order; each the mean of its seeds (`runs[i].seeds`). */
  runs: SweepRun[];
  /** Rows (or images) trained on and validated on: with an explicit validation file, its rows. */
  samples?: { train: number; validation: number };
  /** The decay value with the lowest mean final validation loss (values where a seed diverged excluded). */
  best?: { decay: number; validationLoss: number };
  /** The run without decay (its mean final validation loss), when the sweep has one. */
  noDecay?: { validationLoss: number | null };
  timings: { sessionMs: number; trainMs: number; totalMs: number };
  /** An adaptive search (searchSweep): its rounds, which values each tried and why, and why it stopped. `runs` hold every value tried, sorted by decay. */
  search?: SweepSearch;
}

/** What one worker trained: some of the sweep's decay values. */
export interface SweepPart {
  task: 'classification' | 'regression';
  /** The widths trained (they follow the data with fitLayersToData). */
  layers: number[];
  /** The layer sequence trained, for a network spec (its output units follow the data with fitLayersToData). */
  network?: LayerSpec[];
  /** The image input trained (it follows the data's images with fitLayersToData). */
  input?: [number, number, number];
  /** Images read from files: the `images` task with the labels file it found. */
  dataTask?: TaskSpec;
  samples?: { train: number; validation: number };
  runs: SweepRun[];
  timings: { sessionMs: number; trainMs: number };
}

export type ParentMessage = { type: 'start'; spec: SweepSpec } | { type: 'stop' };

export type WorkerMessage =
  | { type: 'progress'; progress: SweepProgress }
  | { type: 'result'; part: SweepPart }
  | { type: 'error'; message: string; cancelled?: boolean };
