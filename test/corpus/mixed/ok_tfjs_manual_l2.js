// Idiom seen in: AdnanHafeez/regression_tensorflow regression.js
// What it reproduces: cubic regression with four scalar tf.variables fitted by optimizer.minimize; the
// closure returns MSE plus a ridge term on the coefficients, so the penalty is trained. Clean.
const tf = require('@tensorflow/tfjs');
const { loadHousePrices } = require('./house_prices'); // not in this workspace

const a = tf.variable(tf.scalar(Math.random()));
const b = tf.variable(tf.scalar(Math.random()));
const c = tf.variable(tf.scalar(Math.random()));
const d = tf.variable(tf.scalar(Math.random()));
const ridge = 0.001;

function predict(x) {
  return tf.tidy(() => a.mul(x.pow(tf.scalar(3))).add(b.mul(x.square())).add(c.mul(x)).add(d));
}

function loss(predictions, labels) {
  const meanSquaredError = predictions.sub(labels).square().mean();
  const l2 = tf.mul(ridge, tf.addN([a.square(), b.square(), c.square()]));
  return meanSquaredError.add(l2);
}

async function train() {
  const {xs, ys} = await loadHousePrices('data/houses.csv');
  const optimizer = tf.train.sgd(0.05);
  for (let i = 0; i < 500; i++) {
    optimizer.minimize(() => loss(predict(xs), ys));
  }
  console.log(`a=${a.dataSync()} b=${b.dataSync()} c=${c.dataSync()} d=${d.dataSync()}`);
}

train();
