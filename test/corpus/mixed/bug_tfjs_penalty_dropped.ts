// Idiom seen in: soundbooze/soundbooze-skel js/tensorflow/fit.js
// What it reproduces: polynomial curve fit with tf.train.sgd and optimizer.minimize; an L2 penalty on the
// coefficient variable is computed inside the closure but the closure returns only the data loss.
import * as tf from '@tensorflow/tfjs-node';

import { loadCalibrationPoints } from './calibration'; // not in this workspace

const DEGREE = 5;
const learningRate = 0.01;
const weightDecay = 1e-3;

const coeffs = tf.variable(tf.randomNormal([DEGREE + 1, 1], 0, 0.1));

function features(x: tf.Tensor1D): tf.Tensor2D {
  return tf.stack(Array.from({length: DEGREE + 1}, (_, k) => x.pow(tf.scalar(k))), 1) as tf.Tensor2D;
}

const f = (x: tf.Tensor1D) => tf.matMul(features(x), coeffs).squeeze();
const loss = (pred: tf.Tensor, label: tf.Tensor) => pred.sub(label).square().mean();

async function main() {
  const {xs, ys} = await loadCalibrationPoints('data/thermistor.csv');
  const optimizer = tf.train.sgd(learningRate);
  for (let i = 0; i < 2000; i++) {
    optimizer.minimize(() => {
      const dataLoss = loss(f(xs), ys);
      const penalty = tf.mul(weightDecay, tf.sum(tf.square(coeffs))); // expect: WD104
      return dataLoss as tf.Scalar;
    });
  }
  console.log(`coefficients: ${coeffs.dataSync()}`);
}

main();
