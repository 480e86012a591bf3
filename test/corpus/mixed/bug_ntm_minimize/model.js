// Idiom seen in: generic-github-user/Neural-Turing-Machine src/model.js
// What it reproduces: the controller network built with the Layers API (tf.input -> two dense layers -> tf.model) and
//   the SGD optimizer created next to it; the user adds L2 kernel regularizers to both dense layers (user addition),
//   but the model is trained by optimizer.minimize in script.js, which never adds the regularization terms.
import * as tf from '@tensorflow/tfjs';
import { dimensions, l2Strength } from './settings.js';

export const learningRate = 0.25;
export const optimizer = tf.train.sgd(learningRate);

const input = tf.input({
  shape: [4]
});
const layers = [
  tf.layers.dense({
    units: 4,
    activation: 'tanh',
    kernelRegularizer: tf.regularizers.l2({ l2: l2Strength }) // expect: WD103
  }),
  tf.layers.dense({
    units: (2 * dimensions) + 2 + 4,
    kernelRegularizer: tf.regularizers.l2({ l2: l2Strength }) // expect: WD103
  })
];
const output = layers[1].apply(layers[0].apply(input));

export const model = tf.model({
  inputs: input,
  outputs: output
});
