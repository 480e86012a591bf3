// Idiom seen in: paulbors/deep_learning_with_tensorflowjs chapters/05/code_examples/operations/real_world_example.js
// What it reproduces: the cubic-polynomial fit with four tf.variable coefficients and optimizer.minimize; a
// reader adds a ridge term on the coefficients inside the minimized function but returns only the MSE, so
// the penalty is built every step and dropped (the book's example has no penalty).
import * as tf from '@tensorflow/tfjs-node';

const a = tf.variable(tf.scalar(Math.random()));
const b = tf.variable(tf.scalar(Math.random()));
const c = tf.variable(tf.scalar(Math.random()));
const d = tf.variable(tf.scalar(Math.random()));

const EPOCHS = 200;
const LEARNING_RATE = 0.5;
const RIDGE = 0.01;
const optimizer = tf.train.sgd(LEARNING_RATE);

const generateData = (numPoints, coeff, sigma = 0.04) => tf.tidy(() => {
  const xs = tf.randomUniform([numPoints], -1, 1);
  const ys = tf.scalar(coeff.a).mul(xs.pow(tf.scalar(3, 'int32')))
    .add(tf.scalar(coeff.b).mul(xs.square()))
    .add(tf.scalar(coeff.c).mul(xs))
    .add(tf.scalar(coeff.d))
    .add(tf.randomNormal([numPoints], 0, sigma));
  const ymin = ys.min();
  const yrange = ys.max().sub(ymin);
  return { xs, ys: ys.sub(ymin).div(yrange) };
});

const predict = (x) => tf.tidy(() => a.mul(x.pow(tf.scalar(3, 'int32')))
  .add(b.mul(x.square()))
  .add(c.mul(x))
  .add(d));

const loss = (prediction, labels) => prediction.sub(labels).square().mean();

const train = async (xs, ys, epochs) => {
  for (let i = 0; i < epochs; i++) {
    optimizer.minimize(() => {
      const pred = predict(xs);
      const penalty = tf.mul(RIDGE, tf.sum(tf.square(tf.stack([a, b, c, d])))); // expect: WD104
      return loss(pred, ys);
    });
  }
};

const learnCoefficients = async () => {
  const trainingData = generateData(100, { a: -0.8, b: -0.2, c: 0.9, d: 0.5 });
  console.log('a before training: ', a.dataSync()[0]);
  await train(trainingData.xs, trainingData.ys, EPOCHS);
  console.log('a after training: ', a.dataSync()[0]);
  console.log('b after training: ', b.dataSync()[0]);
  console.log('c after training: ', c.dataSync()[0]);
  console.log('d after training: ', d.dataSync()[0]);
};

learnCoefficients();
