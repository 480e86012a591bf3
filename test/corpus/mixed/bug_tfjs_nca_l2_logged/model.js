// Idiom seen in: pranislav/Your-Loss model.js
// What it reproduces: a neural cellular automaton whose update rule is two weight matrices kept as
// tf.variable; train.js rolls it out and trains it.
const tf = require('@tensorflow/tfjs');

const CHANNELS = 16;
const HIDDEN = 96;

const w1 = tf.variable(tf.randomNormal([3 * CHANNELS, HIDDEN], 0, 0.05), true, 'nca_w1');
const b1 = tf.variable(tf.zeros([HIDDEN]), true, 'nca_b1');
const w2 = tf.variable(tf.zeros([HIDDEN, CHANNELS]), true, 'nca_w2');

function perceive(state) {
  const sobelX = tf.tensor4d([-1, 0, 1, -2, 0, 2, -1, 0, 1], [3, 3, 1, 1]).div(8);
  const perChannel = tf.split(state, CHANNELS, 3);
  const dx = tf.concat(perChannel.map((c) => tf.conv2d(c, sobelX, 1, 'same')), 3);
  const dy = tf.concat(perChannel.map((c) => tf.conv2d(c, sobelX.transpose([1, 0, 2, 3]), 1, 'same')), 3);
  return tf.concat([state, dx, dy], 3);
}

function updateStep(state) {
  const [b, h, w] = state.shape;
  const p = perceive(state).reshape([b * h * w, 3 * CHANNELS]);
  const ds = tf.relu(p.matMul(w1).add(b1)).matMul(w2).reshape([b, h, w, CHANNELS]);
  return state.add(ds);
}

function runRollout(init, steps) {
  let state = init;
  for (let t = 0; t < steps; t++) {
    state = updateStep(state);
  }
  return state;
}

module.exports = {w1, b1, w2, runRollout, CHANNELS};
