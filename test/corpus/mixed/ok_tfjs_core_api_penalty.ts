// Idiom seen in: iascchen/react-tfjs-camp src/components/mnist/modelCoreApi.ts
// What it reproduces: the MNIST core-API convnet trained with optimizer.minimize and SGD; an L2 penalty on the
// conv and dense kernels (not the bias) is added to the returned cross entropy, so it is minimized (clean).
import * as tf from '@tensorflow/tfjs'
import { IMAGE_H, IMAGE_W, IMnistDataset, NUM_CLASSES } from './mnistConsts'

const WEIGHT_DECAY = 1e-4

const conv1Weights = tf.variable(tf.randomNormal([5, 5, 1, 8], 0, 0.1))
const conv2Weights = tf.variable(tf.randomNormal([5, 5, 8, 16], 0, 0.1))
const fcWeights = tf.variable(tf.randomNormal([7 * 7 * 16, NUM_CLASSES], 0, 1 / Math.sqrt(7 * 7 * 16)))
const fcBias = tf.variable(tf.zeros([NUM_CLASSES]))

function forward(inputXs: tf.Tensor): tf.Tensor {
    const xs = inputXs.as4D(-1, IMAGE_H, IMAGE_W, 1)
    const h1 = xs.conv2d(conv1Weights as tf.Tensor4D, 1, 'same').relu().maxPool([2, 2], 2, 0)
    const h2 = h1.conv2d(conv2Weights as tf.Tensor4D, 1, 'same').relu().maxPool([2, 2], 2, 0)
    return h2.as2D(-1, fcWeights.shape[0]).matMul(fcWeights as tf.Tensor).add(fcBias)
}

function l2Penalty(): tf.Scalar {
    return tf.addN([conv1Weights, conv2Weights, fcWeights].map((w) => tf.sum(tf.square(w)))) as tf.Scalar
}

export async function train(data: IMnistDataset, log: Function, steps: number, batchSize: number): Promise<void> {
    const optimizer = tf.train.sgd(0.1)
    for (let i = 0; i < steps; i++) {
        const cost = optimizer.minimize(() => {
            const batch = data.nextTrainBatch(batchSize)
            const xent = tf.losses.softmaxCrossEntropy(batch.ys as tf.Tensor, forward(batch.xs as tf.Tensor)).mean()
            return tf.add(xent, tf.mul(WEIGHT_DECAY, l2Penalty())) as tf.Scalar
        }, true)
        log(i, cost?.dataSync())
        await tf.nextFrame()
    }
}
