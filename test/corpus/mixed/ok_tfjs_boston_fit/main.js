// Idiom seen in: xuyaxiong/test-tfjs boston-housing/main.js
// What it reproduces: entry script: load the (external) dataset, normalize, fit the compiled model.
const tf = require('@tensorflow/tfjs-node-gpu');
const { BostonHousingDataset, featureDescriptions } = require('./data');
const { buildModel } = require('./model');

const NUM_EPOCHS = 200;
const BATCH_SIZE = 40;

function normalize(t, mean, std) {
  return t.sub(mean).div(std);
}

async function run() {
  const data = new BostonHousingDataset();
  await data.loadData();
  const trainX = tf.tensor2d(data.trainFeatures);
  const trainY = tf.tensor2d(data.trainTarget);
  const testX = tf.tensor2d(data.testFeatures);
  const testY = tf.tensor2d(data.testTarget);
  const mean = trainX.mean(0);
  const std = trainX.sub(mean).square().mean(0).sqrt();

  const model = buildModel(featureDescriptions.length);
  await model.fit(normalize(trainX, mean, std), trainY, {
    batchSize: BATCH_SIZE,
    epochs: NUM_EPOCHS,
    validationSplit: 0.2,
    callbacks: {
      onEpochEnd: async (epoch, logs) => console.log(`epoch ${epoch}: loss=${logs.loss} val=${logs.val_loss}`),
    },
  });
  const result = model.evaluate(normalize(testX, mean, std), testY, { batchSize: BATCH_SIZE });
  console.log(`test loss: ${result.dataSync()[0]}`);
}

run();
