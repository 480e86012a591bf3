// Idiom seen in: serkansokmen/tfjs-react-playground pages/tf-cnn.js
// What it reproduces: the CNN page's createModel() (two conv/maxPool blocks, flatten, dense
//   softmax) with L2 kernelRegularizers, compiled with adam and trained with model.fit, which
//   adds the layers' regularization terms to the loss itself. Clean.
import React, { useState, useEffect } from 'react'
import * as tf from '@tensorflow/tfjs'
import Head from '../components/head'
import Layout from '../layouts/main'
import { loadMnistBatch } from '../lib/mnist-data'

const BATCH_SIZE = 64
const EPOCHS = 5
const L2 = 5e-4

function createModel() {
  const model = tf.sequential()
  model.add(
    tf.layers.conv2d({
      inputShape: [28, 28, 1],
      kernelSize: 5,
      filters: 8,
      strides: 1,
      activation: 'relu',
      kernelInitializer: 'varianceScaling',
      kernelRegularizer: tf.regularizers.l2({ l2: L2 }),
    })
  )
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }))
  model.add(
    tf.layers.conv2d({
      kernelSize: 5,
      filters: 16,
      strides: 1,
      activation: 'relu',
      kernelInitializer: 'varianceScaling',
      kernelRegularizer: tf.regularizers.l2({ l2: L2 }),
    })
  )
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }))
  model.add(tf.layers.flatten())
  model.add(
    tf.layers.dense({
      units: 10,
      kernelInitializer: 'varianceScaling',
      activation: 'softmax',
    })
  )
  return model
}

export default () => {
  const [isTraining, setIsTraining] = useState(false)
  const [result, setResult] = useState(null)

  const train = async () => {
    setIsTraining(true)
    const model = createModel()
    model.compile({
      optimizer: tf.train.adam(0.001),
      loss: 'categoricalCrossentropy',
      metrics: ['accuracy'],
    })
    const { images, labels, valImages, valLabels } = await loadMnistBatch(5000)
    const h = await model.fit(images, labels, {
      batchSize: BATCH_SIZE,
      validationData: [valImages, valLabels],
      epochs: EPOCHS,
    })
    setResult(JSON.stringify(h.history))
    setIsTraining(false)
  }

  useEffect(() => {
    train()
  }, [])

  return (
    <Layout>
      <Head title="Tensorflow Playground / CNN" />
      <div>{isTraining ? 'Training...' : result}</div>
    </Layout>
  )
}
