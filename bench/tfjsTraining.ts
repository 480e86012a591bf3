// One training of a sweep in TF.js, timed per step: the comparison rows of sweep.bench.ts. The
// same SGD with L2 on the kernels as the runtime's trainings, one model (TF.js has no decay axis).
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { specNetwork, type SweepSpec } from '../runtime/src/sweep/spec';

export type TfjsBackend = 'cpu' | 'wasm';

/** A model to train: its weights (kernels decay, biases do not), its batches and its logits. */
interface TfjsModel {
  weights: tf.Variable[];
  decays: boolean[];
  /** Inputs and one-hot labels of step `step`. */
  batch(step: number): { x: tf.Tensor; y: tf.Tensor };
  logits(x: tf.Tensor): tf.Tensor;
  /** Everything the model holds besides its weights (its data). */
  held: tf.Tensor[];
}

const DECAY = 1e-3;
const WARM_UP_STEPS = 3;

// The wasm backend loads its binary from the package's folder (a bundle has no other way to find it).
setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep));

/**
 * Seconds per training step on `backend`, timed over `steps` steps after a short warm-up; the
 * error's message instead when the backend cannot train the model (a kernel it lacks).
 */
export async function tfjsSecondsPerStep(backend: TfjsBackend, steps: number, spec: SweepSpec): Promise<number | { error: string }> {
  await tf.setBackend(backend);
  await tf.ready();
  const model = tfjsModelOf(spec);
  const step = (i: number) =>
    tf.tidy(() => {
      const { x, y } = model.batch(i);
      const { grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, model.logits(x)) as tf.Scalar, model.weights);
      model.weights.forEach((w, k) => {
        const g = grads[w.name];
        const decayed = model.decays[k] ? tf.add(g, tf.mul(w, DECAY)) : g;
        w.assign(tf.sub(w, tf.mul(decayed, spec.learningRate)));
      });
    });
  try {
    for (let i = 0; i < WARM_UP_STEPS; i++) step(i);
    const started = performance.now();
    for (let i = 0; i < steps; i++) step(i);
    return (performance.now() - started) / 1000 / steps;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    tf.dispose([...model.weights, ...model.held]);
  }
}

/**
 * The spec's model in TF.js (an MLP, or its layer sequence over NHWC images), on `samples` random
 * inputs with random labels: the speed of a step does not depend on the values.
 */
function tfjsModelOf(spec: SweepSpec, samples = 2048): TfjsModel {
  const batch = spec.batchSize;
  const network = specNetwork(spec);
  const weights: tf.Variable[] = [];
  const decays: boolean[] = [];
  /** A kernel (He-uniform, as the runtime draws relu kernels) and a zero bias. */
  const weightsOf = (kernelShape: number[], fanIn: number, units: number) => {
    const limit = Math.sqrt(6 / fanIn);
    const pair = [tf.variable(tf.randomUniform(kernelShape, -limit, limit)), tf.variable(tf.zeros([units]))];
    weights.push(...pair);
    decays.push(true, false);
    return pair;
  };
  const activate = (h: tf.Tensor, activation: string) => (activation === 'relu' ? tf.relu(h) : activation === 'tanh' ? tf.tanh(h) : h);
  const dense = (inputs: number, units: number, activation: string) => {
    const [kernel, bias] = weightsOf([inputs, units], inputs, units);
    return (h: tf.Tensor) => activate(tf.add(tf.matMul(h as tf.Tensor2D, kernel as tf.Tensor2D), bias), activation);
  };
  const layers: ((h: tf.Tensor) => tf.Tensor)[] = [];
  if (!network) {
    spec.layers.slice(1).forEach((units, l) => layers.push(dense(spec.layers[l], units, l === spec.layers.length - 2 ? 'linear' : spec.activation)));
  } else {
    for (const layer of network.layers) {
      if (layer.kind === 'conv' && layer.input.kind === 'map') {
        const [kh, kw] = layer.kernel;
        const [kernel, bias] = weightsOf([kh, kw, layer.input.channels, layer.filters], kh * kw * layer.input.channels, layer.filters);
        // TensorFlow's SAME pads as the runtime's same; no pads is valid.
        const padding = layer.pads.some((pad) => pad > 0) ? 'same' : 'valid';
        layers.push((h) => activate(tf.add(tf.conv2d(h as tf.Tensor4D, kernel as tf.Tensor4D, layer.stride, padding), bias), layer.activation));
      } else if (layer.kind === 'dense' && layer.input.kind === 'vector') layers.push(dense(layer.input.features, layer.units, layer.activation));
      else if (layer.kind === 'maxpool') layers.push((h) => tf.maxPool(h as tf.Tensor4D, layer.kernel, layer.stride, 'valid'));
      else if (layer.kind === 'avgpool') layers.push((h) => tf.avgPool(h as tf.Tensor4D, layer.kernel, layer.stride, 'valid'));
      else if (layer.kind === 'globalavgpool') layers.push((h) => tf.mean(h, [1, 2]));
      else if (layer.kind === 'flatten') layers.push((h) => tf.reshape(h, [h.shape[0], -1]));
    }
  }
  const inputShape = network ? [network.input.height, network.input.width, network.input.channels] : [spec.layers[0]];
  const classes = network ? network.outputs : spec.layers[spec.layers.length - 1];
  const x = tf.randomUniform([samples, ...inputShape]);
  const y = tf.tidy(() => tf.oneHot(tf.randomUniform([samples], 0, classes, 'int32') as tf.Tensor1D, classes).toFloat());
  return {
    weights,
    decays,
    held: [x, y],
    batch: (step) => {
      const start = (step * batch) % (samples - batch);
      return { x: x.slice(start, batch), y: y.slice(start, batch) };
    },
    logits: (input) => layers.reduce((h, layer) => layer(h), input),
  };
}
