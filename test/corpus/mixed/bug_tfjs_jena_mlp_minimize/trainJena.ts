// Idiom seen in: iascchen/react-tfjs-camp node/src/jena/modelJena.ts
// Idiom seen in: iascchen/react-tfjs-camp src/components/mnist/modelCoreApi.ts
// What it reproduces: custom training loop for the Jena 'mlp-l2' model with optimizer.minimize; the loss
// returned to minimize is the mean absolute error alone, the layers' L2 terms (calculateLosses) are left out.
import * as tf from '@tensorflow/tfjs'
import { buildModel } from './modelJena'
import { JenaWeatherData } from './dataJena'

const NUM_STEPS = 2000
const BATCH_SIZE = 128
const LEARNING_RATE = 1e-3

export const trainCustomLoop = async (jenaWeatherData: JenaWeatherData, log: Function): Promise<tf.LayersModel> => {
    const lookBack = 10 * 24 * 6
    const step = 6
    const numFeatures = jenaWeatherData.getDataColumnNames().length
    const model = buildModel('mlp-l2', Math.floor(lookBack / step), numFeatures)
    const optimizer = tf.train.rmsprop(LEARNING_RATE)

    const iterator = await jenaWeatherData.getNextBatchFunction(true, lookBack, 1, BATCH_SIZE, step, 0, 200000, true, false)
    for (let i = 0; i < NUM_STEPS; i++) {
        const batch = iterator.next().value
        const cost = optimizer.minimize(() => {
            const preds = model.predict(batch.xs) as tf.Tensor
            return tf.losses.absoluteDifference(batch.ys, preds) as tf.Scalar
        }, true)
        log(i, cost?.dataSync())
        tf.dispose([batch.xs, batch.ys])
        await tf.nextFrame()
    }
    return model
}
