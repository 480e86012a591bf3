// A TF.js classifier with L2 on its hidden layers, trained by hand with optimizer.minimize.
// The loss returned to minimize() is the cross-entropy alone: TF.js adds a layer's regularizer
// penalty only in fit()/trainOnBatch(), or when the loss includes model.calculateLosses().
import * as tf from '@tensorflow/tfjs';

const WEIGHT_DECAY = 1e-4;
const LEARNING_RATE = 0.05;

export function buildClassifier(features: number, classes: number): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [features], units: 128, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: WEIGHT_DECAY }) }),
      tf.layers.dense({ units: 64, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: WEIGHT_DECAY }) }),
      tf.layers.dense({ units: classes, activation: 'softmax' }),
    ],
  });
}

export async function train(xs: tf.Tensor2D, ys: tf.Tensor2D, epochs: number): Promise<tf.Sequential> {
  const model = buildClassifier(xs.shape[1], ys.shape[1]);
  const optimizer = tf.train.sgd(LEARNING_RATE);
  for (let epoch = 0; epoch < epochs; epoch++) {
    optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, model.predict(xs) as tf.Tensor2D));
    await tf.nextFrame();
  }
  return model;
}
