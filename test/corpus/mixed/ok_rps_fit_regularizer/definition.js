// Idiom seen in: vanHeemstraSystems/reinforcement-learning-headstart containers/app/rock-paper-scissors/functions/definition.js
// Idiom seen in: vanHeemstraSystems/reinforcement-learning-headstart containers/app/rock-paper-scissors/functions/train.js
// What it reproduces: the rock-paper-scissors policy net with L2 kernelRegularizers, compiled and updated from the reward
//   with model.fit as the repo does, so TF.js adds the regularization terms to the loss itself: clean.
const tf = require('@tensorflow/tfjs');

const model = tf.sequential();
model.add(tf.layers.dense({
  units: 12,
  inputShape: [3],
  activation: 'relu',
  kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }),
}));
model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });

module.exports = { model };
