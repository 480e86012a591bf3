// Idiom seen in: GantMan/learn-tfjs chapter10/node/node-train-houses/src/getModel.js
// Idiom seen in: GantMan/learn-tfjs chapter12/node/node-train-dice/src/index.js
// What it reproduces: the book's getModel() module (conv/pool stack, compiled inside the helper), here with L2
// kernel regularizers; index.js trains it with model.fit, which adds the layers' regularization losses: clean.

import * as tf from '@tensorflow/tfjs-node'

const L2 = 1e-4

export default function getModel(numClasses = 10) {
  const model = tf.sequential()

  // Conv + Pool combo
  model.add(
    tf.layers.conv2d({
      filters: 16,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: 'heNormal',
      kernelRegularizer: tf.regularizers.l2({ l2: L2 }),
      inputShape: [28, 28, 1],
    })
  )
  model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }))

  // Conv + Pool combo
  model.add(
    tf.layers.conv2d({
      filters: 32,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({ l2: L2 }),
    })
  )
  model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }))

  // Flatten for connecting to deep layers
  model.add(tf.layers.flatten())

  // One hidden deep layer
  model.add(
    tf.layers.dense({
      units: 128,
      activation: 'tanh',
      kernelRegularizer: tf.regularizers.l2({ l2: L2 }),
    })
  )
  // Output
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' }))

  model.compile({
    optimizer: 'adam',
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  })

  model.summary()
  return model
}
