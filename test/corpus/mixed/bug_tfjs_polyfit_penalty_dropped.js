// Idiom seen in: soundbooze/soundbooze-skel js/tensorflow/fit.js
// What it reproduces: tf.js core-API curve fit (scalar variables, optimizer.minimize); a ridge penalty
// on the coefficients is computed inside the minimize closure but only the data loss is returned, so
// the penalty is discarded (realistic mistake when adding regularization to this idiom).
const tf = require('@tensorflow/tfjs');

const xs = tf.tensor1d([0, 1, 2, 3, 4, 5]);
const ys = tf.tensor1d([1.1, 5.9, 16.8, 33.9, 57.2, 86.1]);

const a = tf.scalar(Math.random()).variable();
const b = tf.scalar(Math.random()).variable();
const c = tf.scalar(Math.random()).variable();

const f = (x) => a.mul(x.square()).add(b.mul(x)).add(c);
const loss = (pred, label) => pred.sub(label).square().mean();

const learningRate = 0.01;
const LAMBDA = 1e-3;
const optimizer = tf.train.sgd(learningRate);

for (let i = 0; i < 500; i++) {
  const cost = optimizer.minimize(() => {
    const coeffs = tf.stack([a, b, c]);
    const penalty = tf.mul(LAMBDA, tf.sum(tf.square(coeffs)));  // expect: WD104
    return loss(f(xs), ys);
  }, true);
  if (i % 50 === 0) {
    console.log(`step ${i}: loss ${cost.dataSync()[0].toFixed(4)}`);
  }
  cost.dispose();
}

console.log(`a: ${a.dataSync()}, b: ${b.dataSync()}, c: ${c.dataSync()}`);
const preds = f(xs).dataSync();
preds.forEach((pred, i) => {
  console.log(`x: ${i}, pred: ${pred}`);
});
