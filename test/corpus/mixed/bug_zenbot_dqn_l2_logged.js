// Idiom seen in: codlaug/zenbot extensions/strategies/neural/dqn.js
// Idiom seen in: codlaug/zenbot extensions/strategies/neural/trading_agent.js
// What it reproduces: the zenbot dense deep-Q network trained by tf.variableGrads on the TD loss; a hand-written L2
// penalty on the online network's weights is computed inside the loss function but only logged, never added to the
// returned loss, so it gets no gradient (user change in the repo's idiom).

const tf = require('@tensorflow/tfjs')
const getStateTensor = require('./get_state')
const ReplayMemory = require('./replay_memory')
const { NUM_ACTIONS } = require('./trading_game')

const L2_COEF = 1e-4
const DEBUG = process.env.DQN_DEBUG === '1'

function createDeepQNetwork(l, f, numActions) {
  const model = tf.sequential()
  model.add(tf.layers.dense({ units: 128, activation: 'relu', inputShape: [l, f] }))
  model.add(tf.layers.batchNormalization())
  model.add(tf.layers.dense({ units: 256, activation: 'relu' }))
  model.add(tf.layers.flatten())
  model.add(tf.layers.dense({ units: 100, activation: 'relu' }))
  model.add(tf.layers.dropout({ rate: 0.25 }))
  model.add(tf.layers.dense({ units: numActions }))
  return model
}

class DQNTrainer {
  constructor(lookback, features, { learningRate = 0.001, bufferSize = 5000 } = {}) {
    this.lookback = lookback
    this.features = features
    this.onlineNetwork = createDeepQNetwork(lookback, features, NUM_ACTIONS)
    this.targetNetwork = createDeepQNetwork(lookback, features, NUM_ACTIONS)
    this.targetNetwork.trainable = false
    this.optimizer = tf.train.adam(learningRate)
    this.replayMemory = new ReplayMemory(bufferSize)
  }

  trainOnReplayBatch(batchSize, gamma) {
    const batch = this.replayMemory.sample(batchSize)
    const lossFunction = () => tf.tidy(() => {
      const stateTensor = getStateTensor(batch.map(e => e[0]), this.lookback, this.features)
      const actionTensor = tf.tensor1d(batch.map(e => e[1]), 'int32')
      const qs = this.onlineNetwork.apply(stateTensor, { training: true })
        .mul(tf.oneHot(actionTensor, NUM_ACTIONS)).sum(-1)

      const rewardTensor = tf.tensor1d(batch.map(e => e[2]))
      const nextStateTensor = getStateTensor(batch.map(e => e[4]), this.lookback, this.features)
      const nextMaxQTensor = this.targetNetwork.predict(nextStateTensor).max(-1)
      const doneMask = tf.scalar(1).sub(tf.tensor1d(batch.map(e => e[3])).asType('float32'))
      const targetQs = rewardTensor.add(nextMaxQTensor.mul(doneMask).mul(gamma))

      const tdLoss = tf.losses.meanSquaredError(targetQs, qs)
      const l2 = tf.mul(L2_COEF, tf.addN(this.onlineNetwork.getWeights().map(w => tf.sum(tf.square(w))))) // expect: WD104
      if (DEBUG) {
        console.log('td', tdLoss.dataSync()[0], 'l2', l2.dataSync()[0])
      }
      return tdLoss
    })

    const grads = tf.variableGrads(lossFunction)
    this.optimizer.applyGradients(grads.grads)
    const value = grads.value.dataSync()[0]
    tf.dispose(grads)
    return value
  }
}

module.exports = { createDeepQNetwork, DQNTrainer }
