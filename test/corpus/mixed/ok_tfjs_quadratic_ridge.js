// Idiom seen in: ykob/learn-tensorflow.js src/js/init/001.js
// What it reproduces: fitting a polynomial with tf.variable coefficients and optimizer.minimize,
// with a ridge penalty on the coefficients added to the returned loss (lr*2*lambda is small).
const tf = require('@tensorflow/tfjs');

const a = tf.variable(tf.scalar(Math.random()));
const b = tf.variable(tf.scalar(Math.random()));
const c = tf.variable(tf.scalar(Math.random()));
const LAMBDA = 0.01;

function predict(x) {
  return tf.tidy(() => a.mul(x.square()).add(b.mul(x)).add(c));
}

function loss(predictions, labels) {
  return predictions.sub(labels).square().mean();
}

function train(xs, ys, numIterations = 75) {
  const learningRate = 0.5;
  const optimizer = tf.train.sgd(learningRate);
  for (let i = 0; i < numIterations; i++) {
    optimizer.minimize(() => {
      const dataLoss = loss(predict(xs), ys);
      const ridge = tf.mul(LAMBDA, tf.add(tf.sum(tf.square(a)), tf.sum(tf.square(b))));
      return tf.add(dataLoss, ridge);
    });
  }
}

const xs = tf.linspace(-1, 1, 100);
const ys = xs.square().mul(-0.8).add(xs.mul(0.3)).add(0.1);
train(xs, ys);
console.log(a.dataSync()[0], b.dataSync()[0], c.dataSync()[0]);
