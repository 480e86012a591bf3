// Idiom seen in: harshitkohli1997/tensorflowjs main.js
// What it reproduces: the tfjs quick-start regression (x -> x^2) moved from compile/fit to a custom
//   optimizer.minimize loop. The loss adds `...model.losses` the Keras way, but in TF.js that list
//   does not hold the kernelRegularizer terms (model.calculateLosses() does): no decay. User mistake.
import * as tf from '@tensorflow/tfjs';
import { createModel } from './model';

const xs = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], [20, 1]);
const ys = xs.square();

const model = createModel();
const optimizer = tf.train.adam(0.01);

async function train(epochs: number): Promise<void> {
  for (let epoch = 0; epoch < epochs; epoch++) {
    const cost = optimizer.minimize(() => {
      const pred = model.predict(xs) as tf.Tensor;
      const dataLoss = tf.losses.meanSquaredError(ys, pred);
      return tf.addN([dataLoss, ...model.losses]) as tf.Scalar;
    }, true);
    if (epoch % 50 === 0 && cost) {
      console.log(`epoch ${epoch}: loss = ${(await cost.data())[0]}`);
    }
    await tf.nextFrame();
  }
}

train(500).then(() => {
  (model.predict(tf.tensor2d([21], [1, 1])) as tf.Tensor).print();
});
