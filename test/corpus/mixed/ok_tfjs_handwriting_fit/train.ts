// Idiom seen in: nnance/tfjs-ts-examples src/server/train.ts
// What it reproduces: the Node training entry: the model module is imported as a namespace and
//   destructured (`const { createModel, fileName } = handwriting`), data come from an MNIST loader this
//   program does not contain, and the compiled model is trained with model.fit and saved.
import * as fs from 'fs'
import * as tf from '@tensorflow/tfjs-node'
import * as handwriting from './recognize-handwriting'
import { MnistData } from './mnist-node'

export const defaultPath = './.artifacts'

async function saveModel(model: tf.Sequential, path: string, name: string) {
    if (!fs.existsSync(path)) fs.mkdirSync(path)
    const results = await model.save(`file://${path}/${name}`)
    console.log(`Model saved as ${results.modelArtifactsInfo.modelTopologyType} to ${path}/${name}`)
}

export async function trainHandwriting(epochs = 10, batchSize = 512, modelSavePath = defaultPath) {
    const { createModel, fileName } = handwriting

    const data = new MnistData()
    const model = createModel()
    await data.loadData()

    const { images: trainImages, labels: trainLabels } = data.getTrainData()
    model.summary()

    const batchHistory: tf.Logs[] = []
    const history = await model.fit(trainImages, trainLabels, {
        epochs,
        batchSize,
        validationSplit: 0.15,
        callbacks: {
            onBatchEnd: async (_batch: number, logs?: tf.Logs) => {
                if (logs) batchHistory.push(logs)
            },
        },
    })
    console.log(`Training completed, final loss ${history.history.loss.slice(-1)[0]}`)

    await saveModel(model, modelSavePath, fileName)

    const { images: testImages, labels: testLabels } = data.getTestData()
    const evalOutput = model.evaluate(testImages, testLabels) as tf.Scalar[]
    console.log(`test loss ${evalOutput[0].dataSync()[0]}, accuracy ${evalOutput[1].dataSync()[0]}`)
}

if (require.main === module) {
    trainHandwriting().catch((err) => {
        console.error(err)
        process.exit(1)
    })
}
