// Idiom seen in: nnance/tfjs-ts-examples src/models/fit-to-curve.ts
// What it reproduces: the core-API cubic curve fit (four tf.variable coefficients trained by
//   optimizer.minimize over a closure) with a hand-written ridge penalty on the non-constant
//   coefficients. The penalty is computed inside the closure, but the closure returns the plain MSE,
//   so minimize never sees it and the coefficients are not regularized at all.
// label-note: WD104 on the line computing the penalty (computed, then dropped). The intercept d is left
//   out of the penalty on purpose (it plays the role of a bias).
import * as tf from '@tensorflow/tfjs'

// y = a * x^3 + b * x^2 + c * x + d
const a = tf.variable(tf.scalar(Math.random()))
const b = tf.variable(tf.scalar(Math.random()))
const c = tf.variable(tf.scalar(Math.random()))
const d = tf.variable(tf.scalar(Math.random()))

const learningRate = 0.5
const ridge = 0.01
const optimizer = tf.train.sgd(learningRate)

export function predict(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() =>
        a
            .mul(x.pow(tf.scalar(3, 'int32')))
            .add(b.mul(x.square()))
            .add(c.mul(x))
            .add(d)
    )
}

function mse(prediction: tf.Tensor, labels: tf.Tensor): tf.Scalar {
    return prediction.sub(labels).square().mean().asScalar()
}

export async function train(
    xs: tf.Tensor,
    ys: tf.Tensor,
    numIterations: number,
    onIteration?: (iter: number, loss: number) => void
): Promise<void> {
    for (let iter = 0; iter < numIterations; iter++) {
        const cost = optimizer.minimize(() => {
            const pred = predict(xs)
            const penalty = tf.addN([a.square(), b.square(), c.square()]).mul(ridge) // expect: WD104
            return mse(pred, ys)
        }, true)

        if (onIteration && cost) onIteration(iter, (await cost.data())[0])
        tf.dispose(cost)
        await tf.nextFrame()
    }
}

export function coefficients(): { a: number; b: number; c: number; d: number } {
    return {
        a: a.dataSync()[0],
        b: b.dataSync()[0],
        c: c.dataSync()[0],
        d: d.dataSync()[0],
    }
}
