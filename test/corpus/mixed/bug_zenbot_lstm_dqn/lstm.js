// Idiom seen in: codlaug/zenbot extensions/strategies/neural/lstm.js
// Idiom seen in: codlaug/zenbot extensions/strategies/neural/trading_agent.js
// What it reproduces: the zenbot LSTM Q-network builder, with L2 regularizers added to its layers (a user change; the
// repo had none). The agent trains it with tf.variableGrads + applyGradients on a hand-written TD loss, which never
// includes the layers' regularization terms (only fit/trainOnBatch add them), so every regularizer is dead.

const tf = require('@tensorflow/tfjs')

function createLstmNetwork(sampleLen, f, numActions, lstmLayerSizes, l2 = 1e-4) {
  if (!(Number.isInteger(sampleLen) && sampleLen > 0)) {
    throw new Error(`Expected sampleLen to be a positive integer, but got ${sampleLen}`)
  }
  if (!(Number.isInteger(numActions) && numActions > 1)) {
    throw new Error(`Expected numActions to be an integer greater than 1, but got ${numActions}`)
  }
  if (!Array.isArray(lstmLayerSizes)) {
    lstmLayerSizes = [lstmLayerSizes]
  }

  const model = tf.sequential()
  for (let i = 0; i < lstmLayerSizes.length; ++i) {
    model.add(tf.layers.lstm({
      units: lstmLayerSizes[i],
      returnSequences: i < lstmLayerSizes.length - 1,
      kernelRegularizer: tf.regularizers.l2({ l2 }), // expect: WD103
      recurrentRegularizer: tf.regularizers.l2({ l2 }), // expect: WD103
      inputShape: i === 0 ? [sampleLen, f] : undefined
    }))
  }
  model.add(tf.layers.dense({
    units: numActions,
    kernelRegularizer: tf.regularizers.l2({ l2 }) // expect: WD103
  }))
  return model
}

// Same workaround as the tfjs snake-dqn example (tfjs issue 1807).
function copyWeights(destNetwork, srcNetwork) {
  let originalDestNetworkTrainable
  if (destNetwork.trainable !== srcNetwork.trainable) {
    originalDestNetworkTrainable = destNetwork.trainable
    destNetwork.trainable = srcNetwork.trainable
  }
  destNetwork.setWeights(srcNetwork.getWeights())
  if (originalDestNetworkTrainable != null) {
    destNetwork.trainable = originalDestNetworkTrainable
  }
}

module.exports = { createLstmNetwork, copyWeights }
