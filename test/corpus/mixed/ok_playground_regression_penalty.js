// Idiom seen in: serkansokmen/tfjs-react-playground components/Predict2dData.js
// What it reproduces: the horsepower->mpg regression of that component written with raw
//   tf.variable weights and optimizer.minimize (the low-level form of its createModel()), with an
//   L2 penalty on the two weight matrices added to the loss that minimize differentiates. Clean.
import * as tf from '@tensorflow/tfjs'
import fetch from 'isomorphic-unfetch'

const HIDDEN = 50
const WEIGHT_DECAY = 1e-4
const LR = 0.05

const w1 = tf.variable(tf.randomNormal([1, HIDDEN], 0, 0.1))
const b1 = tf.variable(tf.zeros([HIDDEN]))
const w2 = tf.variable(tf.randomNormal([HIDDEN, 1], 0, 0.1))
const b2 = tf.variable(tf.zeros([1]))

function predict(x) {
  return tf.tidy(() => x.matMul(w1).add(b1).sigmoid().matMul(w2).add(b2))
}

async function getData() {
  const req = await fetch('https://storage.googleapis.com/tfjs-tutorials/carsData.json')
  const data = await req.json()
  return data
    .map((d) => ({ mpg: d['Miles_per_Gallon'], horsepower: d['Horsepower'] }))
    .filter((d) => d.mpg != null && d.horsepower != null)
}

function convertToTensor(data) {
  return tf.tidy(() => {
    tf.util.shuffle(data)
    const inputs = tf.tensor2d(data.map((d) => d.horsepower), [data.length, 1])
    const labels = tf.tensor2d(data.map((d) => d.mpg), [data.length, 1])
    const nIn = inputs.sub(inputs.min()).div(inputs.max().sub(inputs.min()))
    const nLab = labels.sub(labels.min()).div(labels.max().sub(labels.min()))
    return { inputs: nIn, labels: nLab }
  })
}

export async function trainModel(epochs = 200) {
  const { inputs, labels } = convertToTensor(await getData())
  const optimizer = tf.train.sgd(LR)
  for (let epoch = 0; epoch < epochs; epoch++) {
    const cost = optimizer.minimize(() => {
      const mse = tf.losses.meanSquaredError(labels, predict(inputs))
      const penalty = tf.mul(WEIGHT_DECAY, tf.add(tf.sum(tf.square(w1)), tf.sum(tf.square(w2))))
      return tf.add(mse, penalty)
    }, true, [w1, b1, w2, b2])
    if (epoch % 20 === 0) console.log(`epoch ${epoch + 1}`, cost.dataSync()[0])
    cost.dispose()
  }
}
