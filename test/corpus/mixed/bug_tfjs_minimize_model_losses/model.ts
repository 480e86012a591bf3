// Idiom seen in: harshitkohli1997/tensorflowjs main.js
// What it reproduces: the tfjs quick-start regression (x -> x^2) moved from compile/fit to a custom
//   optimizer.minimize loop. The loss adds `...model.losses` the Keras way, but in TF.js that list
//   does not hold the kernelRegularizer terms (model.calculateLosses() does): no decay. User mistake.
import * as tf from '@tensorflow/tfjs';

export const L2 = 1e-3;

export function createModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    units: 32,
    activation: 'relu',
    inputShape: [1],
    kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
  }));
  model.add(tf.layers.dense({
    units: 1,
    kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
  }));
  return model;
}
