// Idiom seen in: piyapong-pch/MeisooProject src/components/recommendation-system/model.js
// What it reproduces: a tfjs menu-recommendation regressor in the project's style (sequential, dense relu
//   then linear, sgd + meanSquaredError) with L2 kernel regularizers on the hidden layers; it is trained
//   with model.fit in train.ts, which adds the regularizer terms itself. Clean.
import { sequential, layers, regularizers, train, Sequential } from '@tensorflow/tfjs';

export const NUM_FEATURES = 10;

export function createModel(l2 = 1e-4): Sequential {
  const model = sequential();
  model.add(layers.dense({
    units: 100,
    activation: 'relu',
    inputShape: [NUM_FEATURES],
    kernelRegularizer: regularizers.l2({ l2 }),
  }));
  model.add(layers.dense({ units: 32, activation: 'relu', kernelRegularizer: regularizers.l2({ l2 }) }));
  model.add(layers.dense({ units: 1, activation: 'linear' }));
  model.compile({ optimizer: train.sgd(0.01), loss: 'meanSquaredError' });
  return model;
}
