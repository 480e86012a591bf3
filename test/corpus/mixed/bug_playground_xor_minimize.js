// Idiom seen in: serkansokmen/tfjs-react-playground pages/tf-xor.js
// What it reproduces: the XOR page's createModel() (two dense layers, tanh then sigmoid), moved
//   from model.fit to a hand-written optimizer.minimize loop; the first layer has an L2
//   kernelRegularizer whose term the minimized loss never adds (model.calculateLosses()).
//   The repository trains with fit; this is a realistic user mistake in its idiom.
import React, { useState, useEffect } from 'react'
import * as tf from '@tensorflow/tfjs'
import Head from '../components/head'
import Layout from '../layouts/main'

const xs = tf.tensor2d([
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
])
const ys = tf.tensor2d([[0], [1], [1], [0]])

const LEARNING_RATE = 0.1
const EPOCHS = 500

function createModel() {
  const model = tf.sequential()
  model.add(
    tf.layers.dense({
      units: 8,
      inputShape: 2,
      activation: 'tanh',
      kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 }), // expect: WD103
    })
  )
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }))
  return model
}

export default () => {
  const [isTraining, setIsTraining] = useState(false)
  const [result, setResult] = useState(null)
  const model = createModel()
  const optimizer = tf.train.sgd(LEARNING_RATE)

  const train = async () => {
    setIsTraining(true)
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      const cost = optimizer.minimize(() => {
        const pred = model.predict(xs)
        return tf.losses.logLoss(ys, pred)
      }, true)
      if (epoch % 50 === 0) {
        console.log(epoch, cost.dataSync()[0])
      }
      cost.dispose()
      await tf.nextFrame()
    }
    const predict = model.predict(xs)
    setResult(predict.toString())
    setIsTraining(false)
  }

  useEffect(() => {
    train()
  }, [])

  return (
    <Layout>
      <Head title="Tensorflow Playground / XOR" />
      <div>{isTraining ? 'Training...' : result && result.toString()}</div>
    </Layout>
  )
}
