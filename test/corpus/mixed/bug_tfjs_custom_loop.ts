// Idiom seen in: Felps03/tfjs-credit-risk-classifier src/10-model.js
// What it reproduces: the same regularized tfjs MLP (kernelRegularizer: tf.regularizers.l2({ l2 })), but a user
// moved training to a hand-written optimizer.minimize loop (for per-batch class weights) whose loss leaves the
// regularizer terms (model.calculateLosses()) out: the L2 never acts.
import * as tf from '@tensorflow/tfjs-node';

import { loadGermanCredit } from './german';

const L2_LAMBDA = 1e-3;
const HIDDEN_UNITS = [16, 8];

export function buildModel(inputSize: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    inputShape: [inputSize],
    units: HIDDEN_UNITS[0],
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2: L2_LAMBDA }), // expect: WD103
  }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({
    units: HIDDEN_UNITS[1],
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2: L2_LAMBDA }), // expect: WD103
  }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

function weightedBce(yTrue: tf.Tensor, yPred: tf.Tensor, posWeight: number): tf.Scalar {
  return tf.tidy(() => {
    const eps = 1e-7;
    const p = yPred.clipByValue(eps, 1 - eps);
    const pos = yTrue.mul(p.log()).mul(posWeight);
    const neg = tf.scalar(1).sub(yTrue).mul(tf.scalar(1).sub(p).log());
    return pos.add(neg).neg().mean() as tf.Scalar;
  });
}

async function main(): Promise<void> {
  const { features, labels } = await loadGermanCredit('data/german-credit.csv');
  const xs = tf.tensor2d(features);
  const ys = tf.tensor2d(labels, [labels.length, 1]);
  const model = buildModel(xs.shape[1]);
  const optimizer = tf.train.adam(0.001);
  const batchSize = 32;
  const posWeight = 2.33;

  for (let epoch = 0; epoch < 40; epoch++) {
    let epochLoss = 0;
    for (let start = 0; start < xs.shape[0]; start += batchSize) {
      const size = Math.min(batchSize, xs.shape[0] - start);
      const xb = xs.slice([start, 0], [size, -1]);
      const yb = ys.slice([start, 0], [size, -1]);
      const cost = optimizer.minimize(() => {
        const preds = model.apply(xb, { training: true }) as tf.Tensor;
        return weightedBce(yb, preds, posWeight);
      }, true);
      epochLoss += (await cost!.data())[0];
      tf.dispose([xb, yb, cost!]);
    }
    console.log(`epoch ${epoch + 1}: loss=${epochLoss.toFixed(4)}`);
  }
  await model.save('file://./artifacts/model');
}

main();
