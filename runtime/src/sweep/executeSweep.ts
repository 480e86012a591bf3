// One part of a sweep, in a worker process: load the data and train these decay values. The
// parent (runSweep) validates the spec, splits the decay values over workers and merges the parts.
import { trainSweep, type TrainOptions } from '../train/trainer';
import { loadDataset } from './dataset';
import type { SweepPart } from './protocol';
import { assertValidSpec, type LayerSpec, type SweepSpec } from './spec';

export async function executeSweepPart(spec: SweepSpec, options: TrainOptions = {}): Promise<SweepPart> {
  assertValidSpec(spec);
  const data = await loadDataset(spec);
  const layers = spec.fitLayersToData && !spec.network ? [data.inputs, ...spec.layers.slice(1, -1), data.outputs] : spec.layers;
  // A network fitted to the data: its output layer takes the data's classes (the input must fit already).
  const network = spec.network && spec.fitLayersToData ? withOutputUnits(spec.network, data.outputs) : spec.network;
  const { runs, timings } = await trainSweep({ ...spec, layers, network }, data, options);
  return { task: data.task, layers, ...(network ? { network } : {}), runs, timings };
}

function withOutputUnits(network: LayerSpec[], units: number): LayerSpec[] {
  const output = network[network.length - 1];
  return output?.kind === 'dense' ? [...network.slice(0, -1), { ...output, units }] : network;
}
