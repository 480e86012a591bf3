// Idiom seen in: iascchen/react-tfjs-camp node/src/jena/modelJena.ts
// Idiom seen in: iascchen/react-tfjs-camp src/components/mnist/modelCoreApi.ts
// What it reproduces: the Jena weather 'mlp-l2' model (L2 kernelRegularizer on the dense layers), moved from
// model.fit to a hand-written optimizer.minimize loop (trainJena.ts) whose loss is only the MAE, so the
// regularizer terms never reach the minimized loss (user mistake; the repository trains this model with fit).
import * as tf from '@tensorflow/tfjs'

export const L2_RATE = 1e-3

export const buildLinearRegressionModel = (inputShape: tf.Shape): tf.LayersModel => {
    const model = tf.sequential()
    model.add(tf.layers.flatten({ inputShape }))
    model.add(tf.layers.dense({ units: 1 }))
    return model
}

export const buildMLPModel = (inputShape: tf.Shape, dropoutRate?: number): tf.LayersModel => {
    const model = tf.sequential()
    model.add(tf.layers.flatten({ inputShape }))
    model.add(tf.layers.dense({
        units: 32,
        activation: 'relu',
        kernelRegularizer: tf.regularizers.l2({ l2: L2_RATE }), // expect: WD103
    }))
    if (dropoutRate && dropoutRate > 0) {
        model.add(tf.layers.dropout({ rate: dropoutRate }))
    }
    model.add(tf.layers.dense({ units: 1, kernelRegularizer: tf.regularizers.l2({ l2: L2_RATE }) })) // expect: WD103
    return model
}

export const buildModel = (modelType: string, numTimeSteps: number, numFeatures: number): tf.LayersModel => {
    const inputShape = [numTimeSteps, numFeatures]
    if (modelType === 'mlp-l2') {
        return buildMLPModel(inputShape)
    } else if (modelType === 'linear-regression') {
        return buildLinearRegressionModel(inputShape)
    }
    throw new Error(`Unsupported model type: ${modelType}`)
}
