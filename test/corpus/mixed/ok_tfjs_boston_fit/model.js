// Idiom seen in: xuyaxiong/test-tfjs boston-housing/model.js
// What it reproduces: a tfjs-node regression model built and compiled in its own module
//   (kernelRegularizer l2 on the dense kernels only, plain SGD), exported and trained with
//   model.fit in another file. fit() adds the regularization losses itself.
const tf = require('@tensorflow/tfjs-node-gpu');

const LEARNING_RATE = 0.01;
const L2 = 1e-3;

function buildModel(numFeatures, hiddenUnits = 50) {
  const model = tf.sequential();
  model.add(tf.layers.dense({
    inputShape: [numFeatures],
    units: hiddenUnits,
    activation: 'sigmoid',
    kernelInitializer: 'leCunNormal',
    kernelRegularizer: tf.regularizers.l2({ l2: L2 }),
  }));
  model.add(tf.layers.dense({
    units: 1,
    kernelRegularizer: tf.regularizers.l2({ l2: L2 }),
  }));
  model.compile({
    optimizer: tf.train.sgd(LEARNING_RATE),
    loss: 'meanSquaredError',
  });
  model.summary();
  return model;
}

module.exports = { buildModel };
