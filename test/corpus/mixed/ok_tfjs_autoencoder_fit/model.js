// Idiom seen in: OpenFPGAduino/machinelearning tensorflow.js/server.js
// What it reproduces: a dense autoencoder over item feature vectors whose encoder layers carry L2
// kernel regularizers; app.js trains it with compile + fit, which adds their terms itself.
const tf = require('@tensorflow/tfjs');

function buildAutoencoder(inputDim, codeDim = 16) {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    inputShape: [inputDim], units: 64, activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({l2: 1e-4}),
  }));
  model.add(tf.layers.dense({
    units: codeDim, activation: 'relu', name: 'code',
    kernelRegularizer: tf.regularizers.l2({l2: 1e-4}),
  }));
  model.add(tf.layers.dense({units: 64, activation: 'relu'}));
  model.add(tf.layers.dense({units: inputDim, activation: 'sigmoid'}));
  model.compile({optimizer: tf.train.adam(1e-3), loss: 'binaryCrossentropy'});
  return model;
}

module.exports = {buildAutoencoder};
