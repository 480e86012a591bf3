// Idiom seen in: iascchen/react-tfjs-camp src/components/rnn/modelJena.ts
// What it reproduces: the Jena weather MLP with an L2 kernelRegularizer compiled and trained with
// model.fitDataset, which adds the layers' regularization terms to the compiled loss itself (clean).
import * as tf from '@tensorflow/tfjs'

export const buildMLPModel = (inputShape: tf.Shape, l2Rate: number): tf.LayersModel => {
    const model = tf.sequential()
    model.add(tf.layers.flatten({ inputShape }))
    model.add(tf.layers.dense({ units: 32, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: l2Rate }) }))
    model.add(tf.layers.dense({ units: 1 }))
    model.compile({ loss: 'meanAbsoluteError', optimizer: 'rmsprop' })
    return model
}

export const trainModel = async (trainDataset: tf.data.Dataset<tf.TensorContainer>,
    valDataset: tf.data.Dataset<tf.TensorContainer>, epochs: number): Promise<tf.History> => {
    const model = buildMLPModel([240, 14], 1e-3)
    model.summary()
    return model.fitDataset(trainDataset, {
        epochs,
        validationData: valDataset,
        callbacks: { onEpochEnd: async (epoch, logs) => console.log(epoch, logs) },
    })
}
