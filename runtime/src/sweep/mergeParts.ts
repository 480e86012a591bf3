// Merging the parts the workers trained into one result (parent side: no onnxruntime here).
import type { SweepPart, SweepResult } from './protocol';
import type { SweepSpec } from './spec';

/** The whole sweep from its parts (in decay-value order): the best value (by mean over seeds) and the run without decay. */
export function mergeSweepParts(spec: SweepSpec, parts: SweepPart[], totalMs: number): SweepResult {
  const runs = parts.flatMap((part) => part.runs);
  const finalLoss = (index: number) => runs[index].evaluations[runs[index].evaluations.length - 1]?.loss ?? null;
  let best: SweepResult['best'];
  runs.forEach((run, index) => {
    const loss = finalLoss(index);
    if (loss !== null && run.divergedAt === undefined && (!best || loss < best.validationLoss)) best = { decay: run.decay, validationLoss: loss };
  });
  const zero = runs.findIndex((run) => run.decay === 0);
  return {
    spec: {
      ...spec,
      layers: parts[0].layers,
      ...(parts[0].network ? { network: parts[0].network } : {}),
      ...(parts[0].input ? { input: parts[0].input } : {}),
      ...(parts[0].dataTask ? { task: parts[0].dataTask } : {}),
    },
    task: parts[0].task,
    runs,
    best,
    noDecay: zero >= 0 ? { validationLoss: finalLoss(zero) } : undefined,
    timings: {
      // Parts run side by side: the slowest one is what the user waits for.
      sessionMs: Math.max(...parts.map((part) => part.timings.sessionMs)),
      trainMs: Math.max(...parts.map((part) => part.timings.trainMs)),
      totalMs,
    },
  };
}
