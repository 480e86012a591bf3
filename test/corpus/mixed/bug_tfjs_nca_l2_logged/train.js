// Idiom seen in: pranislav/Your-Loss train.js
// What it reproduces: the NCA training step computes an L2 penalty on the update weights inside
// optimizer.minimize, but only prints it; the function returns the rollout loss alone.
const tf = require('@tensorflow/tfjs');
const {w1, w2, runRollout, CHANNELS} = require('./model');

const GRID = 32;
const T_STEPS = 12;
const L2_COEF = 1e-3;
const optimizer = tf.train.adam(2e-3);

function randomState(batch) {
  return tf.randomUniform([batch, GRID, GRID, CHANNELS]);
}

function lossOnBatch(target, batchSize) {
  const init = randomState(batchSize);
  const final = runRollout(init, T_STEPS);
  return tf.losses.meanSquaredError(target, final.slice([0, 0, 0, 0], [-1, -1, -1, 4]));
}

function trainStep(target, step) {
  const cost = optimizer.minimize(() => {
    const loss = lossOnBatch(target, 4);
    const penalty = tf.mul(L2_COEF, tf.add(tf.sum(tf.square(w1)), tf.sum(tf.square(w2)))); // expect: WD104
    if (step % 50 === 0) {
      console.log(`step ${step}: l2 penalty ${penalty.dataSync()[0].toFixed(5)}`);
    }
    return loss;
  }, true);
  const value = cost.dataSync()[0];
  cost.dispose();
  return value;
}

async function main() {
  const target = tf.randomUniform([4, GRID, GRID, 4]);
  for (let step = 0; step < 2000; step++) {
    const l = trainStep(target, step);
    if (step % 100 === 0) console.log(`step ${step}: loss ${l}`);
    await tf.nextFrame();
  }
}

main();
