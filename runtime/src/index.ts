export * from './decayMath';
export type { SweepResult } from './sweep/protocol';
export { runSweep, SweepCancelledError, type RunSweepOptions } from './sweep/runSweep';
export { decayValuesAround, defaultSpec, type SweepSpec } from './sweep/spec';
export type { Evaluation, SweepProgress, SweepRun } from './train/trainer';
export { workerScript, type WorkerScript } from './workerScript';
