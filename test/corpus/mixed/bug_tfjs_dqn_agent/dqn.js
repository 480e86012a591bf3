// Idiom seen in: tensorflow/tfjs-examples snake-dqn/dqn.js; tensorflow/tfjs-examples snake-dqn/agent.js
// What it reproduces: the deep-Q network factory of the snake example, with an L2 kernel regularizer
// added to every trainable layer. The agent (agent.js) trains it with tf.variableGrads on a loss that
// never adds model.calculateLosses(), so every regularizer below is dead code.
import * as tf from '@tensorflow/tfjs';

const L2_STRENGTH = 1e-4;

export function createDeepQNetwork(h, w, numActions) {
  if (!(Number.isInteger(h) && h > 0)) {
    throw new Error(`Expected height to be a positive integer, but got ${h}`);
  }
  if (!(Number.isInteger(numActions) && numActions > 1)) {
    throw new Error(`Expected numActions to be an integer greater than 1, but got ${numActions}`);
  }

  const model = tf.sequential();
  model.add(tf.layers.conv2d({
    filters: 128,
    kernelSize: 3,
    strides: 1,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: L2_STRENGTH}),  // expect: WD103
    inputShape: [h, w, 2],
  }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.conv2d({
    filters: 256,
    kernelSize: 3,
    strides: 1,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: L2_STRENGTH}),  // expect: WD103
  }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({
    units: 100,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: L2_STRENGTH}),  // expect: WD103
  }));
  model.add(tf.layers.dropout({rate: 0.25}));
  model.add(tf.layers.dense({units: numActions}));
  return model;
}

export function copyWeights(destNetwork, srcNetwork) {
  destNetwork.setWeights(srcNetwork.getWeights());
}
