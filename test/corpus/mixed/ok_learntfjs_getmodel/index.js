// Idiom seen in: GantMan/learn-tfjs chapter10/node/node-train-houses/src/index.js
// Idiom seen in: GantMan/learn-tfjs chapter12/node/node-train-dice/src/index.js
// What it reproduces: the training script of the book's node projects: build the model with getModel(), then
// model.fit on the tensors; fit adds the kernel regularizers' losses to the minimized loss, so the decay acts.

import * as tf from '@tensorflow/tfjs-node'
import getModel from './getModel'
import { loadFolderData } from './helpers'

const epochs = 20
const batchSize = 64

async function doTraining() {
  console.log(tf.version)
  const [trainX, trainY, testX, testY] = await loadFolderData('./files/houses', [28, 28])

  const model = getModel(trainY.shape[1])
  await model.fit(trainX, trainY, {
    epochs,
    batchSize,
    validationSplit: 0.1,
    shuffle: true,
    callbacks: {
      onEpochEnd: (epoch, logs) => console.log(`epoch ${epoch}: loss=${logs.loss.toFixed(4)} val_acc=${logs.val_acc}`),
    },
  })

  const result = model.evaluate(testX, testY)
  console.log('Test Loss', result[0].dataSync())
  console.log('Test Accuracy', result[1].dataSync())
  tf.dispose(result)

  await model.save('file://model_result/houses')
}

doTraining()
