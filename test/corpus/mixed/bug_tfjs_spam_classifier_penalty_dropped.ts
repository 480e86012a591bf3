// Idiom seen in: realashleybailey/YT-Spammer-Purge-GUI tensorflow/Node/train.ts
// What it reproduces: the repo's 512-wide dense spam classifier (compiled for fit) rewritten as a custom
// optimizer.minimize loop with a hand-written L2 penalty on the kernels; the penalty is computed inside the closure
// but the closure returns only the data loss, so the decay is dropped.
import * as tf from '@tensorflow/tfjs'
import '@tensorflow/tfjs-node-gpu'
import { loadEmbeddedComments } from './data'

const WEIGHT_DECAY = 1e-4
const EPOCHS = 20
const BATCH_SIZE = 256

const model = tf.sequential()

model.add(
  tf.layers.dense({
    inputShape: [512],
    activation: 'relu',
    units: 512,
  })
)

for (let i = 0; i < 4; i += 1) {
  model.add(
    tf.layers.dense({
      activation: 'relu',
      units: 512,
    })
  )
}

model.add(
  tf.layers.dense({
    activation: 'sigmoid',
    units: 1,
  })
)

const optimizer = tf.train.adam(1e-3)
const kernels = model.trainableWeights
  .filter((w) => w.shape.length === 2)
  .map((w) => w.read())

async function main() {
  const { xs, ys } = await loadEmbeddedComments('./data/comments.json')
  const n = xs.shape[0]

  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    let epochLoss = 0
    for (let start = 0; start < n; start += BATCH_SIZE) {
      const size = Math.min(BATCH_SIZE, n - start)
      const xb = xs.slice([start, 0], [size, 512])
      const yb = ys.slice([start, 0], [size, 1])

      const cost = optimizer.minimize(() => {
        const preds = model.apply(xb, { training: true }) as tf.Tensor
        const dataLoss = tf.losses.logLoss(yb, preds)
        const penalty = tf.mul(WEIGHT_DECAY, tf.addN(kernels.map((k) => tf.sum(tf.square(k))))) // expect: WD104
        return dataLoss as tf.Scalar
      }, true)

      epochLoss += (await cost!.data())[0] * size
      tf.dispose([xb, yb, cost!])
    }
    console.log(`epoch ${epoch + 1}: loss ${(epochLoss / n).toFixed(4)}`)
  }

  await model.save('file://./model')
}

main()
