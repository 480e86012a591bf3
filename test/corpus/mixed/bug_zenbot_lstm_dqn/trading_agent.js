// Idiom seen in: codlaug/zenbot extensions/strategies/neural/trading_agent.js
// Idiom seen in: codlaug/zenbot extensions/strategies/neural/lstm.js
// What it reproduces: the zenbot DQN trading agent; the online LSTM network is built with L2 regularizers (lstm.js) but
// trained by tf.variableGrads on the TD error only, so the regularizers never reach the gradient (WD103 in lstm.js).

const tf = require('@tensorflow/tfjs')

const { createLstmNetwork, copyWeights } = require('./lstm')
const { getRandomAction, NUM_ACTIONS, ALL_ACTIONS } = require('./trading_game')
const getStateTensor = require('./get_state')
const ReplayMemory = require('./replay_memory')

const FEATURE_LENGTH = 24
const LOOKBACK_LENGTH = 16

const defaultConfig = {
  epsilonDecayFrames: 100,
  epsilonInit: 0.5,
  epsilonFinal: 0.01,
  learningRate: 0.01,
  replayBufferSize: 1000,
  l2Reg: 1e-4,
  hiddenSizes: [128, 64]
}

module.exports = class TradingAgent {
  constructor(game, config) {
    config = Object.assign({}, defaultConfig, config)
    this.game = game
    this.epsilonInit = config.epsilonInit
    this.epsilonFinal = config.epsilonFinal
    this.epsilonDecayFrames = config.epsilonDecayFrames
    this.epsilonIncrement_ = (this.epsilonFinal - this.epsilonInit) / this.epsilonDecayFrames

    this.onlineNetwork = createLstmNetwork(LOOKBACK_LENGTH, FEATURE_LENGTH, NUM_ACTIONS, config.hiddenSizes, config.l2Reg)
    this.targetNetwork = createLstmNetwork(LOOKBACK_LENGTH, FEATURE_LENGTH, NUM_ACTIONS, config.hiddenSizes, config.l2Reg)
    // The target network is only ever updated by copying the online weights.
    this.targetNetwork.trainable = false

    this.optimizer = tf.train.sgd(config.learningRate)
    this.replayMemory = new ReplayMemory(config.replayBufferSize)
    this.frameCount = 0
  }

  playStep(s) {
    this.epsilon = this.frameCount >= this.epsilonDecayFrames
      ? this.epsilonFinal
      : this.epsilonInit + this.epsilonIncrement_ * this.frameCount
    this.frameCount++

    let action
    const state = this.game.getState(s, 0)
    this.lastState = state
    if (Math.random() < this.epsilon) {
      action = getRandomAction()
    } else {
      tf.tidy(() => {
        const stateTensor = getStateTensor(state, LOOKBACK_LENGTH, FEATURE_LENGTH)
        action = ALL_ACTIONS[this.onlineNetwork.predict(stateTensor).argMax(-1).dataSync()[0]]
      })
    }
    return action
  }

  completeStep(s, action) {
    const { state: nextState, reward, done } = this.game.step(s, action)
    this.replayMemory.append([this.lastState, action, reward, done, nextState])
    return { action, done }
  }

  syncTarget() {
    copyWeights(this.targetNetwork, this.onlineNetwork)
  }

  trainOnReplayBatch(batchSize, gamma) {
    const batch = this.replayMemory.sample(batchSize)
    const lossFunction = () => tf.tidy(() => {
      const stateTensor = getStateTensor(batch.map(example => example[0]), LOOKBACK_LENGTH, FEATURE_LENGTH)
      const actionTensor = tf.tensor1d(batch.map(example => example[1]), 'int32')
      const qs = this.onlineNetwork.apply(stateTensor, { training: true })
        .mul(tf.oneHot(actionTensor, NUM_ACTIONS)).sum(-1)

      const rewardTensor = tf.tensor1d(batch.map(example => example[2]))
      const nextStateTensor = getStateTensor(batch.map(example => example[4]), LOOKBACK_LENGTH, FEATURE_LENGTH)
      const nextMaxQTensor = this.targetNetwork.predict(nextStateTensor).max(-1)
      const doneMask = tf.scalar(1).sub(tf.tensor1d(batch.map(example => example[3])).asType('float32'))
      const targetQs = rewardTensor.add(nextMaxQTensor.mul(doneMask).mul(gamma))
      return tf.losses.meanSquaredError(targetQs, qs)
    })

    // Gradients of the TD loss with respect to the online network's weights.
    const grads = tf.variableGrads(lossFunction)
    this.optimizer.applyGradients(grads.grads)
    tf.dispose(grads)
  }
}
