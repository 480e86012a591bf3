// Idiom seen in: cibis/tfjs-geneticalgorithm examples/jena-weather/jena-weather.js
// What it reproduces: MLP builder taking an optional kernelRegularizer (shorthand property); train.js
//   compiles and trains it with fitDataset, which adds the regularization terms. Clean.
const tf = require('@tensorflow/tfjs-node');

function buildMLPModel(inputShape, kernelRegularizer, dropoutRate) {
  const model = tf.sequential();
  model.add(tf.layers.flatten({inputShape}));
  model.add(tf.layers.dense({units: 32, kernelRegularizer, activation: 'relu'}));
  if (dropoutRate > 0) {
    model.add(tf.layers.dropout({rate: dropoutRate}));
  }
  model.add(tf.layers.dense({units: 1}));
  return model;
}

module.exports = {buildMLPModel};
