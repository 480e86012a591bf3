// searchSweep: the grid of runSweep, then the adaptive range (adaptiveRange.ts): rounds that
// extend the grid past an end where the best sits and refine around an interior best, bounded in
// rounds and time. Each round is a runSweep of the new values with the same spec otherwise (same
// data, same seeds), so a value's training does not depend on the round it ran in.
import type { SweepRun } from '../train/trainer';
import { planNextRound, type SearchRound, type SweepSearch } from './adaptiveRange';
import { bestAndNoDecay } from './mergeParts';
import type { SweepResult } from './protocol';
import { runSweep, type RunSweepOptions } from './runSweep';
import type { SweepSpec } from './spec';

export interface SearchSweepOptions extends RunSweepOptions {
  /** Before each round after the grid starts. */
  onRound?: (round: SearchRound, index: number) => void;
}

export const DEFAULT_SEARCH_ROUNDS = 3;
/** The default budget: twice the grid's own time plus this, so a default search takes about three grids at most. */
const DEFAULT_BUDGET_EXTRA_MS = 5000;

/** runSweep with the adaptive range; with `adaptive: false` the grid alone (no `search` in the result). */
export async function searchSweep(spec: SweepSpec, options: SearchSweepOptions = {}): Promise<SweepResult> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const grid = await runSweep(spec, options);
  if (spec.adaptive === false) return grid;
  const gridMs = grid.timings.totalMs;
  const maxRounds = spec.searchRounds ?? DEFAULT_SEARCH_ROUNDS;
  const budgetMs = spec.searchBudgetMs ?? 2 * gridMs + DEFAULT_BUDGET_EXTRA_MS;
  const results = [grid];
  const rounds: SearchRound[] = [{ kind: 'grid', decayValues: [...spec.decayValues].sort((a, b) => a - b), reason: 'the grid' }];
  let stopped: string;
  for (;;) {
    const runs = results.flatMap((result) => result.runs);
    const next = planNextRound(runs, bestAndNoDecay(runs).best?.decay, rounds.some((round) => round.kind === 'refine'));
    if ('stop' in next) {
      stopped = next.stop;
      break;
    }
    if (rounds.length - 1 >= maxRounds) {
      stopped = `the round limit (${maxRounds}) came before: ${next.reason}`;
      break;
    }
    // A round trains fewer values than the grid, side by side in the same workers: the grid's time per value bounds it.
    const estimateMs = (gridMs * next.decayValues.length) / Math.max(1, spec.decayValues.length);
    if (elapsed() + estimateMs > budgetMs) {
      stopped = `the time budget (${(budgetMs / 1000).toFixed(1)} s) had no room for: ${next.reason}`;
      break;
    }
    options.onRound?.(next, rounds.length);
    rounds.push(next);
    results.push(await runSweep({ ...spec, decayValues: next.decayValues }, { ...options, timeoutMs: Math.max(1, timeoutMs - elapsed()) }));
  }
  return mergeRounds(grid, results, { rounds, stopped }, elapsed());
}

/** One result from the rounds' results: every run sorted by decay, the best over all of them. */
function mergeRounds(grid: SweepResult, results: SweepResult[], search: SweepSearch, totalMs: number): SweepResult {
  const runs: SweepRun[] = results.flatMap((result) => result.runs).sort((a, b) => a.decay - b.decay);
  return {
    ...grid,
    runs,
    ...bestAndNoDecay(runs),
    // Rounds run one after another: their times add up.
    timings: {
      sessionMs: results.reduce((sum, result) => sum + result.timings.sessionMs, 0),
      trainMs: results.reduce((sum, result) => sum + result.timings.trainMs, 0),
      totalMs,
    },
    search,
  };
}
