// Idiom seen in: Felps03/tfjs-credit-risk-classifier src/10-model.js
// What it reproduces: a tfjs-node MLP whose hidden and output layers get kernelRegularizer from a factory
// (tf.regularizers.l2({ l2 }) or null when l2 is 0), compiled and trained with model.fit. Clean: fit adds the terms.
const tf = require('@tensorflow/tfjs-node');

const { DROPOUT_RATE, HIDDEN_UNITS, L2_LAMBDA } = require('./constants');

const compileModel = (model) => {
  model.compile({
    optimizer: tf.train.adam(0.001),
    loss: 'binaryCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
};

const createRegularizer = (l2 = L2_LAMBDA) => (l2 > 0 ? tf.regularizers.l2({ l2 }) : null);

const buildModel = (inputSize = 4, options = {}) => {
  const { units = HIDDEN_UNITS, l2 = L2_LAMBDA, dropout = DROPOUT_RATE } = options;
  const model = tf.sequential();
  const addHidden = (count, shape = {}) => {
    model.add(tf.layers.dense({ ...shape, units: count, activation: 'relu', kernelRegularizer: createRegularizer(l2) }));
    if (dropout > 0) {
      model.add(tf.layers.dropout({ rate: dropout }));
    }
  };
  units.forEach((count, index) => addHidden(count, index === 0 ? { inputShape: [inputSize] } : {}));
  model.add(tf.layers.dense({
    ...(units.length === 0 ? { inputShape: [inputSize] } : {}),
    units: 1,
    activation: 'sigmoid',
    kernelRegularizer: createRegularizer(l2),
  }));
  return compileModel(model);
};

const TRAINING = { epochs: 40, batchSize: 32, validationSplit: 0.2, patience: 5 };

const fitModel = (model, xTrain, yTrain, options = {}) => model.fit(xTrain, yTrain, {
  epochs: TRAINING.epochs,
  batchSize: TRAINING.batchSize,
  validationSplit: TRAINING.validationSplit,
  shuffle: true,
  callbacks: [tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: TRAINING.patience })],
  ...options,
});

module.exports = { compileModel, createRegularizer, buildModel, TRAINING, fitModel };
