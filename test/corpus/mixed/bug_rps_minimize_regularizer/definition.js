// Idiom seen in: vanHeemstraSystems/reinforcement-learning-headstart containers/app/rock-paper-scissors/functions/definition.js
// Idiom seen in: vanHeemstraSystems/reinforcement-learning-headstart containers/app/rock-paper-scissors/functions/train.js
// What it reproduces: the rock-paper-scissors policy net (a tf.sequential in its own module), here with L2 kernelRegularizers,
//   updated from the reward by a hand-written optimizer.minimize(() => mse) instead of the repo's model.fit: the loss
//   leaves out model.calculateLosses(), so the regularizers add nothing (user change; the repo trains with fit).
const tf = require('@tensorflow/tfjs');

const L2 = 1e-3;

const model = tf.sequential();
model.add(tf.layers.dense({
  units: 12,
  inputShape: [3],
  activation: 'relu',
  kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
}));
model.add(tf.layers.dense({
  units: 3,
  activation: 'softmax',
  kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
}));

const optimizer = tf.train.sgd(0.1);

module.exports = { model, optimizer };
