// Idiom seen in: cjgammon/tensorflow-rl-arcade-game path_game/agent.js
// Idiom seen in: cjgammon/tensorflow-rl-arcade-game path_game/train.js
// What it reproduces: the fly game's deep Q-network, built with L2 kernel regularizers on its
// layers; train.js trains it with tf.variableGrads on a hand-written MSE that leaves them out.
const tf = require('@tensorflow/tfjs-node');

function createDeepQNetwork(h, w, numActions) {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({
    filters: 64, kernelSize: 3, strides: 1, activation: 'relu', inputShape: [h, w, 2],
    kernelRegularizer: tf.regularizers.l2({l2: 1e-4}), // expect: WD103
  }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({
    units: 100, activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: 1e-4}), // expect: WD103
  }));
  model.add(tf.layers.dense({units: numActions}));
  return model;
}

function copyWeights(destNetwork, srcNetwork) {
  destNetwork.setWeights(srcNetwork.getWeights());
}

module.exports = {createDeepQNetwork, copyWeights};
