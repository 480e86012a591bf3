// Idiom seen in: AdnanHafeez/regression_tensorflow regression.js
// What it reproduces: the cubic-regression tutorial (tf.variable coefficients a, b, c, d fitted with
// optimizer.minimize) given a "ridge" term by a user who subtracts it from the MSE instead of adding it:
// a negative decay that grows the coefficients (WD302 at the subtraction).
const tf = require('@tensorflow/tfjs');
require('@tensorflow/tfjs-node');

const LEARNING_RATE = 0.5;
const RIDGE = 0.01;
const EPOCHS = 500;

const a = tf.variable(tf.scalar(Math.random()));
const b = tf.variable(tf.scalar(Math.random()));
const c = tf.variable(tf.scalar(Math.random()));
const d = tf.variable(tf.scalar(Math.random()));

function predict(x) {
  return tf.tidy(() => {
    return a.mul(x.pow(tf.scalar(3)))
      .add(b.mul(x.square()))
      .add(c.mul(x))
      .add(d);
  });
}

function loss(predictions, labels) {
  const meanSquaredError = predictions.sub(labels).square().mean();
  const penalty = a.square().add(b.square()).add(c.square());
  return meanSquaredError.sub(tf.scalar(RIDGE).mul(penalty)); // expect: WD302
}

const optimizer = tf.train.sgd(LEARNING_RATE);

async function train(xs, ys) {
  for (let i = 0; i < EPOCHS; i++) {
    optimizer.minimize(() => loss(predict(xs), ys));
    await tf.nextFrame();
  }
}

const xs = tf.tensor1d([-1, -0.5, 0, 0.5, 1]);
const ys = tf.tensor1d([-0.9, -0.2, 0.1, 0.4, 1.2]);
train(xs, ys).then(() => {
  console.log('a, b, c, d =', a.dataSync()[0], b.dataSync()[0], c.dataSync()[0], d.dataSync()[0]);
});
