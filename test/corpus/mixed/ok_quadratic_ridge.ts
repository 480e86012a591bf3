// Idiom seen in: quantuminformation/tensorflowjs-playground quadraticEq/src/index.ts
// What it reproduces: the core-API quadratic fit y = a*x^2 + b*x + c with three tf.variable scalars and
//   optimizer.minimize; the user adds a ridge penalty lambda * (a^2 + b^2 + c^2) to the loss returned inside minimize.
//   Clean: the penalty is part of the differentiated loss and the optimizer has no decay of its own.
import * as tf from '@tensorflow/tfjs';

const a = tf.variable(tf.scalar(Math.random()));
const b = tf.variable(tf.scalar(Math.random()));
const c = tf.variable(tf.scalar(Math.random()));

const learningRate = 0.01;
const ridge = 1e-3;
const optimizer = tf.train.sgd(learningRate);

function predict(input: number): tf.Scalar {
  // y = a * x ^ 2 + b * x + c
  return tf.tidy(() => {
    const x = tf.scalar(input);
    return a.mul(x.square()).add(b.mul(x)).add(c) as tf.Scalar;
  });
}

function loss(prediction: tf.Scalar, actual: number): tf.Scalar {
  return tf.scalar(actual).sub(prediction).square() as tf.Scalar;
}

async function train(xs: number[], ys: number[], numIterations: number, done: () => void) {
  for (let iter = 0; iter < numIterations; iter++) {
    for (let i = 0; i < xs.length; i++) {
      optimizer.minimize(() => {
        const pred = predict(xs[i]);
        const predLoss = loss(pred, ys[i]);
        const penalty = tf.mul(ridge, tf.addN([a.square(), b.square(), c.square()]));
        return predLoss.add(penalty) as tf.Scalar;
      });
    }
    await tf.nextFrame();
  }
  done();
}

const data = {
  xs: [0, 1, 2, 3],
  ys: [1.1, 5.9, 16.8, 33.9],
};

train(data.xs, data.ys, 50, () => {
  console.log(`After training: a=${a.dataSync()}, b=${b.dataSync()}, c=${c.dataSync()}`);
});
