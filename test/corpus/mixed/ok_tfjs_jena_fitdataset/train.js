// Idiom seen in: cibis/tfjs-geneticalgorithm examples/jena-weather/jena-weather.js
// What it reproduces: the 'mlp-l2' model type: builder given tf.regularizers.l2(), compiled, trained with
//   model.fitDataset (regularizer losses included by the library). Clean.
const tf = require('@tensorflow/tfjs-node');
const {buildMLPModel} = require('./models');
const {JenaWeatherData} = require('./data');

async function trainModel(model, jenaWeatherData, normalize, includeDateTime, lookBack, step, delay,
                          batchSize, epochs) {
  model.compile({loss: 'meanAbsoluteError', optimizer: tf.train.rmsprop(5e-4)});
  const trainShuffle = true;
  const trainDataset = tf.data.generator(
      () => jenaWeatherData.getNextBatchFunction(
          trainShuffle, lookBack, delay, batchSize, step, 0, 200000, normalize, includeDateTime)).prefetch(8);
  const valDataset = tf.data.generator(
      () => jenaWeatherData.getNextBatchFunction(
          false, lookBack, delay, batchSize, step, 200001, 300000, normalize, includeDateTime));
  await model.fitDataset(trainDataset, {
    batchesPerEpoch: 500,
    epochs,
    validationData: valDataset,
  });
}

async function main(modelType) {
  const jenaWeatherData = new JenaWeatherData();
  await jenaWeatherData.load();
  const inputShape = [240 / 6, jenaWeatherData.getDataColumnNames().length];
  let model;
  if (modelType === 'mlp-l2') {
    model = buildMLPModel(inputShape, tf.regularizers.l2(), 0);
  } else if (modelType === 'mlp-dropout') {
    model = buildMLPModel(inputShape, null, 0.25);
  } else {
    model = buildMLPModel(inputShape, null, 0);
  }
  await trainModel(model, jenaWeatherData, true, false, 240, 6, 24, 128, 20);
}

main(process.argv[2] || 'mlp-l2');
