// Idiom seen in: renn72/brain_game backend/tensor/model.js
// What it reproduces: the repo's conv net module (conv2d, maxPooling2d, dropout, dense) with an L2
//   kernelRegularizer on the conv and the hidden dense layer, exported for a custom training loop in
//   train.js that adds model.calculateLosses() to the minimized loss; clean.
const tf = require('@tensorflow/tfjs-node');

const WEIGHT_DECAY = 1e-4;

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({
    inputShape: [28, 28, 1],
    filters: 8,
    kernelSize: 3,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2: WEIGHT_DECAY }),
  }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2] }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dropout({ rate: 0.25 }));
  model.add(tf.layers.dense({
    units: 512,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2: WEIGHT_DECAY }),
  }));
  model.add(tf.layers.dropout({ rate: 0.5 }));
  model.add(tf.layers.dense({ units: 10 }));
  return model;
}

module.exports = { buildModel };
