// Idiom seen in: iascchen/react-tfjs-camp src/components/mnist/modelCoreApi.ts
// What it reproduces: the MNIST core-API convnet (tf.variable weights, optimizer.minimize); a weight-decay
// penalty on the fully connected weights is computed inside the minimized closure and only logged, while the
// closure returns the bare cross entropy (user mistake in the repository's idiom).
import * as tf from '@tensorflow/tfjs'
import { IMAGE_H, IMAGE_W, IMnistDataset, NUM_CLASSES } from './mnistConsts'

const WEIGHT_DECAY = 5e-4

const conv1Weights = tf.variable(tf.randomNormal([5, 5, 1, 8], 0, 0.1))
const conv2Weights = tf.variable(tf.randomNormal([5, 5, 8, 16], 0, 0.1))
const fullyConnectedWeights = tf.variable(tf.randomNormal([7 * 7 * 16, NUM_CLASSES], 0, 1 / Math.sqrt(7 * 7 * 16)))
const fullyConnectedBias = tf.variable(tf.zeros([NUM_CLASSES]))

const loss = (labels: tf.Tensor, ys: tf.Tensor): tf.Scalar => {
    return tf.losses.softmaxCrossEntropy(labels, ys).mean()
}

export const model = (inputXs: tf.Tensor): tf.Tensor => {
    const xs = inputXs.as4D(-1, IMAGE_H, IMAGE_W, 1)
    const layer1 = xs.conv2d(conv1Weights as tf.Tensor4D, 1, 'same').relu().maxPool([2, 2], 2, 0)
    const layer2 = layer1.conv2d(conv2Weights as tf.Tensor4D, 1, 'same').relu().maxPool([2, 2], 2, 0)
    return layer2.as2D(-1, fullyConnectedWeights.shape[0])
        .matMul(fullyConnectedWeights as tf.Tensor)
        .add(fullyConnectedBias)
}

export const train = async (data: IMnistDataset, log: Function, steps: number, batchSize: number, learningRate: number): Promise<void> => {
    const optimizer = tf.train.adam(learningRate)
    for (let i = 0; i < steps; i++) {
        const cost = optimizer.minimize(() => {
            const batch = data.nextTrainBatch(batchSize)
            const xent = loss(batch.ys as tf.Tensor, model(batch.xs as tf.Tensor))
            const l2Penalty = tf.mul(WEIGHT_DECAY, tf.sum(tf.square(fullyConnectedWeights))) // expect: WD104
            log(i, 'l2', l2Penalty.dataSync())
            return xent
        }, true)
        log(i, cost?.dataSync())
        await tf.nextFrame()
    }
}
