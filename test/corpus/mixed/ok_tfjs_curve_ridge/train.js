// Idiom seen in: starsinmypockets/tensorflowjsworld fitCurve.js
// What it reproduces: the training script for the exported coefficients: optimizer.minimize on MSE plus
// lambda * (a^2 + b^2 + c^2), the ridge term ADDED to the minimized loss with a small positive factor:
// clean.
const tf = require('@tensorflow/tfjs');
const { a, b, c, d } = require('./fitCurve');

const LEARNING_RATE = 0.05;
const LAMBDA = 1e-3;

function predict(x) {
  return tf.tidy(() => a.mul(x.pow(tf.scalar(3))).add(b.mul(x.square())).add(c.mul(x)).add(d));
}

function loss(pred, labels) {
  const mse = pred.sub(labels).square().mean();
  const ridge = a.square().add(b.square()).add(c.square());
  return mse.add(tf.scalar(LAMBDA).mul(ridge));
}

const optimizer = tf.train.sgd(LEARNING_RATE);

async function train(xs, ys, numIterations) {
  for (let iter = 0; iter < numIterations; iter++) {
    optimizer.minimize(() => loss(predict(xs), ys));
    await tf.nextFrame();
  }
}

const xs = tf.linspace(-1, 1, 50);
const ys = xs.pow(tf.scalar(3)).mul(0.8).sub(xs.mul(0.3)).add(tf.randomNormal([50], 0, 0.05));
train(xs, ys, 300).then(() => console.log(a.dataSync(), b.dataSync(), c.dataSync(), d.dataSync()));
