// Idiom seen in: tensorflow/tfjs-examples jena-weather/models.js; tensorflow/tfjs-examples snake-dqn/agent.js
// What it reproduces: the jena-weather MLP builder (hidden dense layer with a shorthand
// `kernelRegularizer` argument, here `tf.regularizers.l2({l2: 1e-3})`) moved from fitDataset to a
// hand-written loop with `optimizer.minimize(() => ...)`. The loss is only the absolute error, so the
// L2 term the layer computes never reaches the optimizer.
// label-note: the regularizer arrives through a parameter and the shorthand property `kernelRegularizer`;
// the only call of buildMLPModel passes an L2 regularizer, so the dense layer line is the regularizer keyword.
import * as tf from '@tensorflow/tfjs-node';
import { loadData } from './data';

const LOOK_BACK = 240;
const NUM_FEATURES = 14;

function buildMLPModel(inputShape: number[], kernelRegularizer: tf.Regularizer, dropoutRate: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.flatten({ inputShape }));
  model.add(tf.layers.dense({ units: 32, kernelRegularizer, activation: 'relu' })); // expect: WD103
  if (dropoutRate > 0) {
    model.add(tf.layers.dropout({ rate: dropoutRate }));
  }
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

async function train(epochs: number, batchSize: number, learningRate: number): Promise<void> {
  const { trainX, trainY, valX, valY } = await loadData({ lookBack: LOOK_BACK, normalize: true });
  const model = buildMLPModel([LOOK_BACK, NUM_FEATURES], tf.regularizers.l2({ l2: 1e-3 }), 0.25);
  const optimizer = tf.train.rmsprop(learningRate);
  const numBatches = Math.floor(trainX.shape[0] / batchSize);

  for (let epoch = 0; epoch < epochs; epoch++) {
    let epochLoss = 0;
    for (let b = 0; b < numBatches; b++) {
      const xs = trainX.slice(b * batchSize, batchSize);
      const ys = trainY.slice(b * batchSize, batchSize);
      const cost = optimizer.minimize(() => {
        const preds = model.apply(xs, { training: true }) as tf.Tensor;
        return tf.losses.absoluteDifference(ys, preds) as tf.Scalar;
      }, true);
      epochLoss += (await cost!.data())[0];
      tf.dispose([xs, ys, cost!]);
      await tf.nextFrame();
    }
    const valLoss = tf.tidy(() => tf.losses.absoluteDifference(valY, model.predict(valX) as tf.Tensor));
    console.log(`epoch ${epoch + 1}: loss=${(epochLoss / numBatches).toFixed(5)} val=${valLoss.dataSync()[0].toFixed(5)}`);
    valLoss.dispose();
  }
}

train(20, 128, 1e-3);
