// Idiom seen in: iascchen/react-tfjs-camp src/components/mnist/modelCoreApi.ts
// What it reproduces: an MNIST convnet written with the TF.js core API (tf.variable weights, conv2d/
//   matMul by hand) trained with optimizer.minimize over a closure that pulls its own batch; the closure
//   adds an explicit L2 penalty (wd/2 * sum of squares, the tf.nn.l2_loss convention) on the conv and
//   fully-connected weights to the cross-entropy, and momentum SGD minimizes the sum.
// label-note: clean. The penalty reaches minimize; it covers weight tensors only (the bias is left out);
//   momentum SGD has no decay of its own, so there is no second decay.
import * as tf from '@tensorflow/tfjs'
import { IMAGE_H, IMAGE_W, IMnistDataSet, NUM_CLASSES } from './mnistConsts'

const conv1Weights = tf.variable(tf.randomNormal([5, 5, 1, 8], 0, 0.1))
const conv2Weights = tf.variable(tf.randomNormal([5, 5, 8, 16], 0, 0.1))
const fullyConnectedWeights = tf.variable(
    tf.randomNormal([7 * 7 * 16, NUM_CLASSES], 0, 1 / Math.sqrt(7 * 7 * 16))
)
const fullyConnectedBias = tf.variable(tf.zeros([NUM_CLASSES]))

const WEIGHT_DECAY = 5e-4
const decayedWeights = [conv1Weights, conv2Weights, fullyConnectedWeights]

const crossEntropy = (labels: tf.Tensor, logits: tf.Tensor): tf.Scalar =>
    tf.losses.softmaxCrossEntropy(labels, logits).mean() as tf.Scalar

const l2Penalty = (): tf.Scalar =>
    tf.addN(decayedWeights.map((w) => w.square().sum())).mul(WEIGHT_DECAY / 2) as tf.Scalar

export const model = (inputXs: tf.Tensor): tf.Tensor => {
    const xs = inputXs.as4D(-1, IMAGE_H, IMAGE_W, 1)
    const layer1 = xs.conv2d(conv1Weights as tf.Tensor4D, 1, 'same').relu().maxPool([2, 2], 2, 0)
    const layer2 = layer1.conv2d(conv2Weights as tf.Tensor4D, 1, 'same').relu().maxPool([2, 2], 2, 0)
    return layer2
        .as2D(-1, fullyConnectedWeights.shape[0])
        .matMul(fullyConnectedWeights)
        .add(fullyConnectedBias)
}

export const train = async (
    data: IMnistDataSet,
    log: (step: number, cost?: Float32Array | Int32Array | Uint8Array) => void,
    steps: number,
    batchSize: number,
    learningRate: number
): Promise<void> => {
    const optimizer = tf.train.momentum(learningRate, 0.9)
    for (let i = 0; i < steps; i++) {
        const cost = optimizer.minimize(() => {
            const batch = data.nextTrainBatch(batchSize)
            const logits = model(batch.xs as tf.Tensor)
            return crossEntropy(batch.ys as tf.Tensor, logits).add(l2Penalty()) as tf.Scalar
        }, true)
        log(i, cost?.dataSync())
        tf.dispose(cost)
        await tf.nextFrame()
    }
}

export const predict = (x: tf.Tensor): tf.Tensor => tf.tidy(() => model(x))
