// The rules of the adaptive range (docs/sweeps.md, "Adaptive range"): given every value tried so
// far, what the next round trains and why, or why the search stops. Pure, so the rules are
// testable without training.
import type { SweepRun } from '../train/trainer';

export type SearchRoundKind = 'grid' | 'extend-up' | 'extend-down' | 'refine';

export interface SearchRound {
  kind: SearchRoundKind;
  /** The values this round trained, ascending. */
  decayValues: number[];
  /** Why it ran, e.g. `best at the upper end (0.1): extended to 0.33, 1.1`. */
  reason: string;
}

export interface SweepSearch {
  /** Round 0 is the spec's grid. */
  rounds: SearchRound[];
  /** Why no further round ran. */
  stopped: string;
}

export type NextRound = SearchRound | { stop: string };

/** A grid's log step at an end is clamped to this range: a step below 2 barely moves, one above 10 skips a decade. */
const MIN_EXTENSION_RATIO = 2;
const MAX_EXTENSION_RATIO = 10;

/** 2 significant digits, like decayValuesAround: the values read as the user would write them. */
function roundDecay(value: number): number {
  return Number(value.toPrecision(2));
}

function clampRatio(ratio: number): number {
  return Math.min(MAX_EXTENSION_RATIO, Math.max(MIN_EXTENSION_RATIO, ratio));
}

/**
 * The next round after the values in `runs` (every value tried, any order), with `bestDecay` the
 * best of them (undefined when every run diverged) and `refined` whether a refinement already ran.
 * - best is 0: stop (no positive value helped; 0 stays the baseline and is never extended);
 * - best is the largest value tried: extend upward by the log step between the two largest
 *   positive values (clamped to x2..x10; x10 with one positive value), two values: best*r, best*r^2.
 *   A diverged value above the best is a value tried, so the best is no longer at the end;
 * - best is the smallest positive value: extend downward the same way, best/r and best/r^2;
 * - otherwise the best is interior: refine once, with the geometric midpoints between the best
 *   and each neighbour; a second time, stop.
 */
export function planNextRound(runs: readonly SweepRun[], bestDecay: number | undefined, refined: boolean): NextRound {
  if (bestDecay === undefined) return { stop: 'every run diverged' };
  if (bestDecay === 0) return { stop: 'no decay (0) is best: no positive value beat it' };
  const tried = new Set(runs.map((run) => run.decay));
  const positive = [...tried].filter((decay) => decay > 0).sort((a, b) => a - b);
  const index = positive.indexOf(bestDecay);
  const below = positive[index - 1];
  const above = positive[index + 1];
  const fresh = (values: number[]) => [...new Set(values.map(roundDecay))].filter((value) => value > 0 && !tried.has(value)).sort((a, b) => a - b);
  if (above === undefined) {
    const ratio = below === undefined ? MAX_EXTENSION_RATIO : clampRatio(bestDecay / below);
    const values = fresh([bestDecay * ratio, bestDecay * ratio * ratio]);
    if (values.length > 0) return { kind: 'extend-up', decayValues: values, reason: `best at the upper end (${bestDecay}): extended to ${values.join(', ')}` };
  }
  if (below === undefined) {
    const ratio = above === undefined ? MAX_EXTENSION_RATIO : clampRatio(above / bestDecay);
    const values = fresh([bestDecay / ratio, bestDecay / (ratio * ratio)]);
    if (values.length > 0) return { kind: 'extend-down', decayValues: values, reason: `best at the lower end (${bestDecay}): extended to ${values.join(', ')}` };
  }
  if (refined) return { stop: `refined around ${bestDecay}` };
  if (below === undefined || above === undefined) return { stop: `best at ${bestDecay}, nothing new to try beside it` };
  const values = fresh([Math.sqrt(below * bestDecay), Math.sqrt(bestDecay * above)]);
  if (values.length === 0) return { stop: `best at ${bestDecay}, its neighbours already as close as 2 digits allow` };
  return { kind: 'refine', decayValues: values, reason: `refined around ${bestDecay}: ${values.join(', ')}` };
}
