// One sweep, in this process: check the spec, load the data, train, pick the best decay value.
import { trainSweep, type TrainOptions } from '../train/trainer';
import { loadDataset } from './dataset';
import type { SweepResult } from './protocol';
import { validateSpec, type SweepSpec } from './spec';

export class SpecError extends Error {
  constructor(problems: string[]) {
    super(`invalid sweep spec: ${problems.join('; ')}`);
    this.name = 'SpecError';
  }
}

export async function executeSweep(spec: SweepSpec, options: TrainOptions = {}): Promise<SweepResult> {
  const started = performance.now();
  const problems = validateSpec(spec);
  if (problems.length > 0) throw new SpecError(problems);
  const data = await loadDataset(spec);
  const { runs, timings } = await trainSweep(spec, data, options);
  const finalLoss = (index: number) => runs[index].evaluations[runs[index].evaluations.length - 1]?.loss ?? null;
  let best: SweepResult['best'];
  runs.forEach((run, index) => {
    const loss = finalLoss(index);
    if (loss !== null && run.divergedAt === undefined && (!best || loss < best.validationLoss)) best = { decay: run.decay, validationLoss: loss };
  });
  const zero = runs.findIndex((run) => run.decay === 0);
  return {
    spec,
    task: data.task,
    runs,
    best,
    noDecay: zero >= 0 ? { validationLoss: finalLoss(zero) } : undefined,
    timings: { ...timings, totalMs: performance.now() - started },
  };
}
