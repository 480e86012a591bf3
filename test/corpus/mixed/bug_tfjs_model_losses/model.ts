// Idiom seen in: TimzOwen/TensorFlow.js model_1.js
// What it reproduces: the repo's small dense classifier (inputShape [4], 100 units, 4 outputs) with
//   L2 kernel/bias regularizers added; train.ts trains it in a custom loop that adds the Keras-style
//   ...model.losses, which in TF.js does not hold the regularizer terms.
import * as tf from '@tensorflow/tfjs';

export const L2_RATE = 1e-3;

export function createModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    inputShape: [4],
    units: 100,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2: L2_RATE }), // expect: WD103
    biasRegularizer: tf.regularizers.l2({ l2: L2_RATE }), // expect: WD103
  }));
  model.add(tf.layers.dense({
    units: 4,
    activation: 'softmax',
    kernelRegularizer: tf.regularizers.l2({ l2: L2_RATE }), // expect: WD103
  }));
  return model;
}
