export * from './decayMath';
export type { SweepResult } from './sweep/protocol';
export { runSweep, SweepCancelledError, type RunSweepOptions } from './sweep/runSweep';
export { planNextRound, type SearchRound, type SweepSearch } from './sweep/adaptiveRange';
export { DEFAULT_SEARCH_ROUNDS, searchSweep, type SearchSweepOptions } from './sweep/searchSweep';
export { differenceNoise, finalLossSpread, spreadOf, withinNoise, type Spread } from './sweep/seedStats';
export { decayValuesAround, defaultImageTask, defaultSpec, seedCount, type SweepSpec, type TaskSpec } from './sweep/spec';
export type { Evaluation, SeedRun, SweepProgress, SweepRun } from './train/trainer';
export { workerScript, type WorkerScript } from './workerScript';
