// One part of a sweep, in a worker process: load the data and train these decay values. The
// parent (runSweep) validates the spec, splits the decay values over workers and merges the parts.
import { trainSweep, type TrainOptions } from '../train/trainer';
import { loadDataset } from './dataset';
import type { SweepPart } from './protocol';
import { assertValidSpec, type SweepSpec } from './spec';

export async function executeSweepPart(spec: SweepSpec, options: TrainOptions = {}): Promise<SweepPart> {
  assertValidSpec(spec);
  const data = await loadDataset(spec);
  const layers = spec.fitLayersToData ? [data.inputs, ...spec.layers.slice(1, -1), data.outputs] : spec.layers;
  const { runs, timings } = await trainSweep({ ...spec, layers }, data, options);
  return { task: data.task, layers, runs, timings };
}
