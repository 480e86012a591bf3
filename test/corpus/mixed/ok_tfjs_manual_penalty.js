// Idiom seen in: TimzOwen/TensorFlow.js model_1.js
// What it reproduces: a two-layer net written with tf.variable weights (no layers API) and trained
//   with optimizer.minimize; the L2 penalty on both weight matrices is computed inside the closure
//   and added to the returned loss (lr*wd = 0.05*1e-3); clean.
const tf = require('@tensorflow/tfjs-node');
const { loadHousing } = require('./housing');

const LEARNING_RATE = 0.05;
const WEIGHT_DECAY = 1e-3;

const w1 = tf.variable(tf.randomNormal([13, 32], 0, 0.1));
const b1 = tf.variable(tf.zeros([32]));
const w2 = tf.variable(tf.randomNormal([32, 1], 0, 0.1));
const b2 = tf.variable(tf.zeros([1]));

function predict(xs) {
  return tf.tidy(() => tf.relu(xs.matMul(w1).add(b1)).matMul(w2).add(b2));
}

async function main() {
  const { xs, ys } = await loadHousing();
  const optimizer = tf.train.sgd(LEARNING_RATE);
  for (let step = 0; step < 500; step++) {
    const loss = optimizer.minimize(() => {
      const dataLoss = tf.losses.meanSquaredError(ys, predict(xs));
      const penalty = tf.mul(WEIGHT_DECAY, tf.add(tf.sum(tf.square(w1)), w2.square().sum()));
      return tf.add(dataLoss, penalty);
    }, true, [w1, b1, w2, b2]);
    if (step % 50 === 0) {
      console.log(`step ${step} loss ${loss.dataSync()[0]}`);
    }
    loss.dispose();
  }
}

main();
