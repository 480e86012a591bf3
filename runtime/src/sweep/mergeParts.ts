// Merging the parts the workers trained into one result (parent side: no onnxruntime here).
import type { SweepPart, SweepResult } from './protocol';
import type { SweepSpec } from './spec';
import type { SweepRun } from '../train/trainer';

/** The whole sweep from its parts (in decay-value order): the best value (by mean over seeds) and the run without decay. */
export function mergeSweepParts(spec: SweepSpec, parts: SweepPart[], totalMs: number): SweepResult {
  const runs = parts.flatMap((part) => part.runs);
  return {
    spec: {
      ...spec,
      layers: parts[0].layers,
      ...(parts[0].network ? { network: parts[0].network } : {}),
      ...(parts[0].input ? { input: parts[0].input } : {}),
      ...(parts[0].dataTask ? { task: parts[0].dataTask } : {}),
    },
    task: parts[0].task,
    ...(parts[0].samples ? { samples: parts[0].samples } : {}),
    runs,
    ...bestAndNoDecay(runs),
    timings: {
      // Parts run side by side: the slowest one is what the user waits for.
      sessionMs: Math.max(...parts.map((part) => part.timings.sessionMs)),
      trainMs: Math.max(...parts.map((part) => part.timings.trainMs)),
      totalMs,
    },
  };
}

/** The value with the lowest mean final validation loss (no seed diverged), and wd = 0's loss when it was trained. */
export function bestAndNoDecay(runs: readonly SweepRun[]): Pick<SweepResult, 'best' | 'noDecay'> {
  const finalLoss = (run: SweepRun) => run.evaluations[run.evaluations.length - 1]?.loss ?? null;
  let best: SweepResult['best'];
  for (const run of runs) {
    const loss = finalLoss(run);
    if (loss !== null && run.divergedAt === undefined && (!best || loss < best.validationLoss)) best = { decay: run.decay, validationLoss: loss };
  }
  const zero = runs.find((run) => run.decay === 0);
  return { best, noDecay: zero ? { validationLoss: finalLoss(zero) } : undefined };
}
