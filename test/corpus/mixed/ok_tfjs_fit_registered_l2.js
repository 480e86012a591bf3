// Idiom seen in: JonasFreibur/Foodguard public/js/model.js
// What it reproduces: training side of the repo's sensor model (50 timestamps x 6 features) with
//   an L2 kernelRegularizer (the repo registers an 'L2' class to load it back); trained with
//   model.fit, which adds the regularization terms itself; clean.
const tf = require('@tensorflow/tfjs-node');
const { loadRecordings } = require('./recordings');

class L2 {
  static className = 'L2';

  constructor(config) {
    return tf.regularizers.l2(config);
  }
}
tf.serialization.registerClass(L2);

function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({
    inputShape: [50, 6],
    units: 32,
    kernelRegularizer: tf.regularizers.l2({ l2: 1e-4 }),
    recurrentRegularizer: tf.regularizers.l2({ l2: 1e-4 }),
  }));
  model.add(tf.layers.dense({
    units: 16,
    activation: 'relu',
    kernelRegularizer: tf.regularizers.l2({ l2: 1e-4 }),
  }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  model.compile({
    optimizer: tf.train.adam(1e-3),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

async function main() {
  const { xs, ys } = await loadRecordings('./data/train');
  const model = buildModel();
  await model.fit(xs, ys, {
    epochs: 40,
    batchSize: 32,
    validationSplit: 0.2,
    callbacks: tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 5 }),
  });
  await model.save('file://./public/model');
}

main();
