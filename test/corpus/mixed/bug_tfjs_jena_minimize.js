// Idiom seen in: cibis/tfjs-geneticalgorithm examples/jena-weather/jena-weather.js
// What it reproduces: the jena-weather MLP builder with an L2 kernel regularizer, moved from fitDataset to a
//   hand-written optimizer.minimize loop whose loss is only the MAE, so the regularizer adds nothing
//   (bug written by us in the repo's idiom).
const tf = require('@tensorflow/tfjs-node');
const {JenaWeatherData} = require('./data');

function buildMLPModel(inputShape, dropoutRate) {
  const model = tf.sequential();
  model.add(tf.layers.flatten({inputShape}));
  model.add(tf.layers.dense({
    units: 32,
    kernelRegularizer: tf.regularizers.l2({l2: 1e-3}), // expect: WD103
    activation: 'relu',
  }));
  if (dropoutRate > 0) {
    model.add(tf.layers.dropout({rate: dropoutRate}));
  }
  model.add(tf.layers.dense({units: 1}));
  return model;
}

async function trainModel(model, jenaWeatherData, numEpochs, learningRate) {
  const optimizer = tf.train.rmsprop(learningRate);
  for (let epoch = 0; epoch < numEpochs; ++epoch) {
    const iterator = jenaWeatherData.getNextBatchFunction(true, 10, 1, 6, 128, 0, 200000, true, false);
    let step = 0;
    for (let item = iterator.next(); !item.done; item = iterator.next()) {
      const {xs, ys} = item.value;
      const cost = optimizer.minimize(() => {
        const preds = model.apply(xs, {training: true});
        return tf.losses.absoluteDifference(ys, preds);
      }, true);
      if (step % 100 === 0) {
        console.log(`epoch ${epoch} step ${step}: mae = ${cost.dataSync()[0]}`);
      }
      tf.dispose([xs, ys, cost]);
      step++;
    }
  }
}

async function main() {
  const jenaWeatherData = new JenaWeatherData();
  await jenaWeatherData.load();
  const model = buildMLPModel([240 / 6, jenaWeatherData.getDataColumnNames().length], 0.25);
  model.summary();
  await trainModel(model, jenaWeatherData, 20, 5e-4);
}

main();
