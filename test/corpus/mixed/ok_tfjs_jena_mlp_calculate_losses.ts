// Idiom seen in: iascchen/react-tfjs-camp node/src/jena/modelJena.ts
// What it reproduces: the Jena 'mlp-l2' model (tf.regularizers.l2 on the hidden dense layer) trained in a
// custom optimizer.minimize loop; the loss adds model.calculateLosses(), so the L2 terms are minimized (clean).
import * as tf from '@tensorflow/tfjs'
import { JenaWeatherData } from './dataJena'

const L2_RATE = 1e-3

function buildMLPModel(inputShape: tf.Shape): tf.LayersModel {
    const model = tf.sequential()
    model.add(tf.layers.flatten({ inputShape }))
    model.add(tf.layers.dense({ units: 32, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: L2_RATE }) }))
    model.add(tf.layers.dense({ units: 1 }))
    return model
}

export async function trainMLP(data: JenaWeatherData, steps: number, batchSize: number): Promise<tf.LayersModel> {
    const lookBack = 1440
    const model = buildMLPModel([lookBack / 6, data.getDataColumnNames().length])
    const optimizer = tf.train.rmsprop(1e-3)
    const iterator = await data.getNextBatchFunction(true, lookBack, 1, batchSize, 6, 0, 200000, true, false)

    for (let i = 0; i < steps; i++) {
        const { xs, ys } = iterator.next().value
        optimizer.minimize(() => {
            const preds = model.predict(xs) as tf.Tensor
            const dataLoss = tf.losses.absoluteDifference(ys, preds)
            return tf.addN([dataLoss, ...model.calculateLosses()]) as tf.Scalar
        })
        tf.dispose([xs, ys])
        if (i % 100 === 0) {
            await tf.nextFrame()
        }
    }
    return model
}
