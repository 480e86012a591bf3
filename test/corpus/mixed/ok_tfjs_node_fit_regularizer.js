// Idiom seen in: OpenFPGAduino/machinelearning tensorflow.js/server.js
// What it reproduces: the tfjs-node "train a simple model" script with L2 kernel regularizers on
// its dense layers, trained by model.compile + model.fit (fit adds the regularization losses).
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-node');

const model = tf.sequential();
model.add(tf.layers.dense({
  units: 100, activation: 'relu', inputShape: [10],
  kernelRegularizer: tf.regularizers.l2({l2: 1e-3}),
}));
model.add(tf.layers.dense({
  units: 1, activation: 'linear',
  kernelRegularizer: tf.regularizers.l2({l2: 1e-3}),
}));
model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});

const xs = tf.randomNormal([100, 10]);
const ys = tf.randomNormal([100, 1]);

model.fit(xs, ys, {
  epochs: 100,
  callbacks: {
    onEpochEnd: async (epoch, log) => {
      console.log(`Epoch ${epoch}: loss = ${log.loss}`);
    },
  },
});
