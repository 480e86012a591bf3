// Idiom seen in: tensorflow/tfjs-examples jena-weather/models.js; tensorflow/tfjs tfjs-layers/src/engine/training.ts
// What it reproduces: an MLP whose hidden dense layer takes an optional `kernelRegularizer` (shorthand
// property, `tf.regularizers.l2()` for the 'mlp-l2' variant) and is trained with compile + fitDataset,
// which adds the layers' regularization terms itself. Correctly wired: no finding.
import * as tf from '@tensorflow/tfjs';

const TRAIN_MIN_ROW = 0;
const TRAIN_MAX_ROW = 200000;
const VAL_MIN_ROW = 200001;
const VAL_MAX_ROW = 300000;

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

export function buildModel(modelType, numTimeSteps, numFeatures) {
  const inputShape = [numTimeSteps, numFeatures];
  let model;
  if (modelType === 'mlp') {
    model = buildMLPModel(inputShape);
  } else if (modelType === 'mlp-l2') {
    model = buildMLPModel(inputShape, tf.regularizers.l2());
  } else if (modelType === 'mlp-dropout') {
    model = buildMLPModel(inputShape, null, 0.25);
  } else {
    throw new Error(`Unsupported model type: ${modelType}`);
  }
  model.compile({loss: 'meanAbsoluteError', optimizer: 'rmsprop'});
  model.summary();
  return model;
}

export async function trainModel(
    model, weatherData, normalize, includeDateTime, lookBack, step, delay,
    batchSize, epochs) {
  const trainNextBatchFn = weatherData.getNextBatchFunction(
      true, lookBack, delay, batchSize, step, TRAIN_MIN_ROW, TRAIN_MAX_ROW,
      normalize, includeDateTime);
  const trainDataset = tf.data.generator(trainNextBatchFn).prefetch(8);

  await model.fitDataset(trainDataset, {
    batchesPerEpoch: 500,
    epochs,
    callbacks: {
      onEpochEnd: async (epoch, logs) => {
        const valNextBatchFn = weatherData.getNextBatchFunction(
            false, lookBack, delay, batchSize, step, VAL_MIN_ROW, VAL_MAX_ROW,
            normalize, includeDateTime);
        const evalOut = await model.evaluateDataset(tf.data.generator(valNextBatchFn), {});
        logs.val_loss = (await evalOut.data())[0];
        tf.dispose(evalOut);
        console.log(`epoch ${epoch + 1}/${epochs}: loss=${logs.loss.toFixed(6)} val=${logs.val_loss.toFixed(6)}`);
      },
    },
  });
  return model;
}
