// Idiom seen in: kwichmann/tf_sandbox tfjs/test.js
// What it reproduces: TF.js sequential model with kernelRegularizer l2 on its dense layers, trained by
// model.compile + model.fit, which adds the regularization losses itself. Clean.
const tf = require('@tensorflow/tfjs-node');
const { loadSensorWindows } = require('./sensor_data'); // not in this workspace

const L2 = 1e-4;

function buildModel(inputDim) {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({units: 64, inputShape: [inputDim], activation: 'relu',
                       kernelRegularizer: tf.regularizers.l2({l2: L2})}),
      tf.layers.dense({units: 32, activation: 'relu',
                       kernelRegularizer: tf.regularizers.l2({l2: L2})}),
      tf.layers.dense({units: 1}),
    ],
  });
  model.compile({optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError'});
  return model;
}

async function main() {
  const {xs, ys} = await loadSensorWindows('data/vibration.csv', 10);
  const model = buildModel(10);
  const history = await model.fit(xs, ys, {batchSize: 32, epochs: 50, validationSplit: 0.2});
  console.log(history.history.loss.slice(-1));
}

main();
