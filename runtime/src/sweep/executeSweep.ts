// One part of a sweep, in a worker process: load the data and train these decay values. The
// parent (runSweep) validates the spec, splits the decay values over workers and merges the parts.
import { trainSweep, type TrainOptions } from '../train/trainer';
import type { Dataset } from './dataset';
import { loadDataset } from './dataset';
import type { SweepPart } from './protocol';
import { assertValidSpec, validateSpec, type LayerSpec, type SweepSpec, type TaskSpec } from './spec';

export async function executeSweepPart(spec: SweepSpec, options: TrainOptions = {}): Promise<SweepPart> {
  assertValidSpec(spec);
  const data = await loadDataset(spec);
  const layers = spec.fitLayersToData && !spec.network ? [data.inputs, ...spec.layers.slice(1, -1), data.outputs] : spec.layers;
  // A network fitted to the data: its output layer takes the data's classes, and its input the
  // shape of the data's images (a table's rows must fit the input already).
  const network = spec.network && spec.fitLayersToData ? withOutputUnits(spec.network, data.outputs) : spec.network;
  const input = spec.network && spec.fitLayersToData && data.imageShape ? data.imageShape : spec.input;
  const fitted: SweepSpec = { ...spec, layers, network, ...(input ? { input } : {}) };
  if (input !== spec.input) {
    const problems = validateSpec(fitted);
    const path = 'path' in spec.task ? spec.task.path : 'the data';
    if (problems.length > 0) throw new Error(`${path}: the network does not fit images of ${input!.join('x')}: ${problems.join('; ')}`);
  }
  const { runs, timings } = await trainSweep(fitted, data, options);
  const task = imageTask(spec.task, data);
  return { task: data.task, layers, ...(network ? { network } : {}), ...(input ? { input } : {}), ...(task ? { dataTask: task } : {}), samples: { train: data.trainCount, validation: data.validationCount }, runs, timings };
}

/** Images read from files, as the `images` task that reads them again (its labels file found). */
function imageTask(task: TaskSpec, data: Dataset): TaskSpec | undefined {
  if ((task.kind !== 'file' && task.kind !== 'images') || !data.labelsPath) return undefined;
  if (task.validationPath !== undefined) {
    return { kind: 'images', path: task.path, labels: data.labelsPath, validationPath: task.validationPath, ...(data.validationLabelsPath ? { validationLabels: data.validationLabelsPath } : {}) };
  }
  return { kind: 'images', path: task.path, labels: data.labelsPath, validationFraction: task.validationFraction ?? 0.2 };
}

function withOutputUnits(network: LayerSpec[], units: number): LayerSpec[] {
  const output = network[network.length - 1];
  return output?.kind === 'dense' ? [...network.slice(0, -1), { ...output, units }] : network;
}
