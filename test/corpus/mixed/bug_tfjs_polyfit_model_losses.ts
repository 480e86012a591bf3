// Idiom seen in: ykob/learn-tensorflow.js src/js/init/001.js
// What it reproduces: the polynomial-fit demo moved to a layers model with L2 kernel regularizers,
// its loss written the Keras way with ...model.losses; in TF.js that list holds no regularizer
// terms (they come from model.calculateLosses()), so training runs without decay.
import * as tf from '@tensorflow/tfjs';

export default function (): void {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [1], units: 16, activation: 'tanh',
        kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }), // expect: WD103
      }),
      tf.layers.dense({
        units: 1,
        kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }), // expect: WD103
      }),
    ],
  });

  const loss = (predictions: tf.Tensor, labels: tf.Tensor): tf.Scalar =>
    predictions.sub(labels).square().mean() as tf.Scalar;

  const train = (xs: tf.Tensor2D, ys: tf.Tensor2D, numIterations = 75): void => {
    const learningRate = 0.5;
    const optimizer = tf.train.sgd(learningRate);
    for (let i = 0; i < numIterations; i++) {
      optimizer.minimize(() => {
        const dataLoss = loss(model.predict(xs) as tf.Tensor, ys);
        return tf.addN([dataLoss, ...(model as any).losses]) as tf.Scalar;
      });
    }
  };

  const xs = tf.linspace(-1, 1, 100).reshape([100, 1]) as tf.Tensor2D;
  const ys = xs.pow(3).mul(0.8).sub(xs.square().mul(0.2)).add(xs.mul(0.5)) as tf.Tensor2D;
  train(xs, ys);
}
