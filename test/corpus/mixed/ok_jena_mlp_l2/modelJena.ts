// Idiom seen in: iascchen/react-tfjs-camp node/src/jena/modelJena.ts
// What it reproduces: an MLP builder that takes kernelRegularizer from its options (shorthand property),
// called with tf.regularizers.l2() for the 'mlp-l2' variant; the model is compiled and trained with
// fitDataset, which adds the regularization losses itself: clean.
import * as tf from '@tensorflow/tfjs-node'
import { JenaWeatherData } from './dataJena'

export const buildMLPModel = (inputShape: tf.Shape,
    options: { kernelRegularizer?: any, dropoutRate?: number } = {}): tf.LayersModel => {
    const model = tf.sequential()
    model.add(tf.layers.flatten({ inputShape }))
    const { kernelRegularizer, dropoutRate } = options
    if (kernelRegularizer) {
        model.add(tf.layers.dense({ units: 32, kernelRegularizer, activation: 'relu' }))
    } else {
        model.add(tf.layers.dense({ units: 32, activation: 'relu' }))
    }
    if (dropoutRate && dropoutRate > 0) {
        model.add(tf.layers.dropout({ rate: dropoutRate }))
    }
    model.add(tf.layers.dense({ units: 1 }))
    return model
}

export const buildModel = (modelType: string, numTimeSteps: number, numFeatures: number): tf.LayersModel => {
    const inputShape = [numTimeSteps, numFeatures]
    let model
    if (modelType === 'mlp') {
        model = buildMLPModel(inputShape)
    } else if (modelType === 'mlp-l2') {
        model = buildMLPModel(inputShape, { kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }) })
    } else if (modelType === 'mlp-dropout') {
        model = buildMLPModel(inputShape, { dropoutRate: 0.25 })
    } else {
        throw new Error(`Unsupported model type: ${modelType}`)
    }
    model.compile({ loss: 'meanAbsoluteError', optimizer: 'rmsprop' })
    return model
}

export const trainModel = async (model: tf.LayersModel, data: JenaWeatherData, lookBack: number,
    step: number, delay: number, batchSize: number, epochs: number): Promise<void> => {
    const trainDataset = tf.data.generator(
        () => data.getNextBatchFunction(true, lookBack, delay, batchSize, step, 0, 200000, true, false)).prefetch(8)
    const valDataset = tf.data.generator(
        () => data.getNextBatchFunction(false, lookBack, delay, batchSize, step, 200001, 300000, true, false))
    await model.fitDataset(trainDataset, {
        batchesPerEpoch: 500,
        epochs,
        validationData: valDataset
    })
}
