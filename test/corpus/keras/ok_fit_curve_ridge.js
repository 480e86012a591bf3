// Idiom seen in: starsinmypockets/tensorflowjsworld fitCurve.js
// What it reproduces: the repo's cubic curve fit with tf.variable coefficients a, b, c, d trained by
//   optimizer.minimize; a ridge penalty tf.mul(RIDGE, tf.sum(tf.square(coeffs))) is computed inside the closure
//   and added to the returned loss, so it is trained: clean.
require('@tensorflow/tfjs-node');
const tf = require('@tensorflow/tfjs');

const RIDGE = 1e-3;
const LEARNING_RATE = 0.5;

const a = tf.variable(tf.scalar(Math.random()));
const b = tf.variable(tf.scalar(Math.random()));
const c = tf.variable(tf.scalar(Math.random()));
const d = tf.variable(tf.scalar(Math.random()));

function predict(x) {
  // y = a * x ^ 3 + b * x ^ 2 + c * x + d
  return tf.tidy(() => a.mul(x.pow(tf.scalar(3, 'int32')))
    .add(b.mul(x.square()))
    .add(c.mul(x))
    .add(d));
}

function loss(prediction, labels) {
  return prediction.sub(labels).square().mean();
}

const optimizer = tf.train.sgd(LEARNING_RATE);

function train(xs, ys, numIterations = 75) {
  for (let iter = 0; iter < numIterations; iter++) {
    optimizer.minimize(() => {
      const dataLoss = loss(predict(xs), ys);
      const coeffs = tf.stack([a, b, c, d]);
      const penalty = tf.mul(RIDGE, tf.sum(tf.square(coeffs)));
      return tf.add(dataLoss, penalty);
    });
  }
}

function generateData(numPoints, coeff, sigma = 0.04) {
  return tf.tidy(() => {
    const [ka, kb, kc, kd] = [coeff.a, coeff.b, coeff.c, coeff.d].map((v) => tf.scalar(v));
    const xs = tf.randomUniform([numPoints], -1, 1);
    const ys = ka.mul(xs.pow(tf.scalar(3, 'int32'))).add(kb.mul(xs.square())).add(kc.mul(xs)).add(kd)
      .add(tf.randomNormal([numPoints], 0, sigma));
    const ymin = ys.min();
    const yrange = ys.max().sub(ymin);
    return {xs, ys: ys.sub(ymin).div(yrange)};
  });
}

const trainingData = generateData(100, {a: -0.8, b: -0.2, c: 0.9, d: 0.5});
train(trainingData.xs, trainingData.ys);
console.log('a, b, c, d =', [a, b, c, d].map((v) => v.dataSync()[0]));

module.exports = {predict, a, b, c, d};
