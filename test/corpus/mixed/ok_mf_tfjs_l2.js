// Idiom seen in: stared/matrix-decomposition-viz factorization.js
// Idiom seen in: stared/matrix-decomposition-viz index.js
// What it reproduces: matrix factorization of a partially observed matrix (triplets), the viz's gradDescStep ported
// to TF.js variables; the L2 term on the factors (not on the row/column biases) is part of the function that
// optimizer.minimize differentiates, so the regularization acts: clean.

const tf = require('@tensorflow/tfjs')

function matrixToTriples(M) {
  const triples = []
  M.forEach((row, i) => row.forEach((value, j) => {
    if (isFinite(value)) triples.push([i, j, value])
  }))
  return triples
}

function factorize(M, { dim = 2, lr = 0.005, l2 = 0.01, steps = 500, logistic = false } = {}) {
  const triplets = matrixToTriples(M)
  const rows = tf.tensor1d(triplets.map(t => t[0]), 'int32')
  const cols = tf.tensor1d(triplets.map(t => t[1]), 'int32')
  const values = tf.tensor1d(triplets.map(t => t[2]))

  const U = tf.variable(tf.randomUniform([M.length, dim], -0.5, 0.5))
  const V = tf.variable(tf.randomUniform([M[0].length, dim], -0.5, 0.5))
  // here biases without regularization
  const rowBias = tf.variable(tf.zeros([M.length]))
  const colBias = tf.variable(tf.zeros([M[0].length]))
  const mean = values.mean()

  const optimizer = tf.train.sgd(lr)

  const predict = () => tf.tidy(() => {
    const dots = tf.sum(tf.mul(tf.gather(U, rows), tf.gather(V, cols)), 1)
    const z = dots.add(tf.gather(rowBias, rows)).add(tf.gather(colBias, cols))
    return logistic ? tf.sigmoid(z) : z.add(mean)
  })

  for (let step = 0; step < steps; step++) {
    const cost = optimizer.minimize(() => {
      const pred = predict()
      const dataLoss = logistic
        ? tf.losses.logLoss(values, pred)
        : tf.losses.meanSquaredError(values, pred)
      const penalty = tf.mul(l2, tf.add(U.square().sum(), V.square().sum()))
      return dataLoss.add(penalty)
    }, true, [U, V, rowBias, colBias])
    if (step % 50 === 0) {
      console.log(`loss (${step}): ${cost.dataSync()[0].toFixed(4)}`)
    }
    cost.dispose()
  }
  return { U, V, rowBias, colBias }
}

const M = [
  [NaN, 2, -1],
  [2, 4, NaN],
  [3, NaN, -3],
  [5, 10, -5]
]

const { U, V } = factorize(M, { dim: 1, lr: 0.005, l2: 0.01 })
U.print()
V.print()
