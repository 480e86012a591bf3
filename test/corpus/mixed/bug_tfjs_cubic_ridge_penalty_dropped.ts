// Idiom seen in: AdnanHafeez/regression_tensorflow regression.js
// What it reproduces: the TF.js curve-fitting idiom (scalar tf.variable coefficients, predict(),
//   optimizer.minimize(() => loss)). Realistic user mistake (the repo had no penalty): a ridge term on
//   the coefficients is computed inside the minimize closure, but the closure returns the bare MSE, so
//   the penalty is dropped and never differentiated (WD104 at the penalty).
import * as tf from '@tensorflow/tfjs-node';

const a = tf.variable(tf.scalar(Math.random()));
const b = tf.variable(tf.scalar(Math.random()));
const c = tf.variable(tf.scalar(Math.random()));
const d = tf.variable(tf.scalar(Math.random()));

const LEARNING_RATE = 0.5;
const RIDGE = 1e-2;
const EPOCHS = 200;

const optimizer = tf.train.sgd(LEARNING_RATE);

function predict(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => a.mul(x.pow(tf.scalar(3, 'int32')))
        .add(b.mul(x.square()))
        .add(c.mul(x))
        .add(d));
}

function loss(predictions: tf.Tensor, labels: tf.Tensor): tf.Scalar {
    return predictions.sub(labels).square().mean() as tf.Scalar;
}

function generateData(numPoints: number, coeff: { a: number; b: number; c: number; d: number }, sigma = 0.04) {
    return tf.tidy(() => {
        const xs = tf.randomUniform([numPoints], -1, 1);
        const ys = xs.pow(tf.scalar(3, 'int32')).mul(coeff.a)
            .add(xs.square().mul(coeff.b))
            .add(xs.mul(coeff.c))
            .add(coeff.d)
            .add(tf.randomNormal([numPoints], 0, sigma));
        const ymin = ys.min();
        const ymax = ys.max();
        return { xs, ys: ys.sub(ymin).div(ymax.sub(ymin)) };
    });
}

async function train(xs: tf.Tensor, ys: tf.Tensor, numIterations: number): Promise<void> {
    for (let iter = 0; iter < numIterations; iter++) {
        optimizer.minimize(() => {
            const mse = loss(predict(xs), ys);
            const penalty = tf.mul(RIDGE, tf.sum(tf.square(tf.stack([a, b, c])))); // expect: WD104
            return mse;
        });
        await tf.nextFrame();
    }
}

async function main(): Promise<void> {
    const { xs, ys } = generateData(100, { a: -0.8, b: -0.2, c: 0.9, d: 0.5 });
    await train(xs, ys, EPOCHS);
    console.log('a', a.dataSync()[0], 'b', b.dataSync()[0], 'c', c.dataSync()[0], 'd', d.dataSync()[0]);
}

main();
