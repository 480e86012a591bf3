// Idiom seen in: goepfert/MachineLearning reinforced_learning/DQN_Cartpole/src/dqn.js
// What it reproduces: the DQN factory createDeepQNetwork(numActions).getModel(); a user adds
// kernelRegularizer: tf.regularizers.l2 to the dense layers (realistic edit, the repo has none) while the
// network is trained only through tf.variableGrads in main.js, which never adds the layers' losses.

const L2 = 1e-4;

function createDeepQNetwork(numActions) {
  function getModel() {
    const model = tf.sequential();
    model.add(tf.layers.dense({
      units: 16,
      activation: 'relu',
      inputShape: [4],
      kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
    }));
    model.add(tf.layers.dense({
      units: 36,
      activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
    }));
    model.add(tf.layers.dropout({ rate: 0.1 }));
    model.add(tf.layers.dense({
      units: numActions,
      kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
    }));
    return model;
  }

  return {
    getModel,
  };
}

/**
 * Copy the weights from a source deep-Q network to another.
 */
function copyWeights(destNetwork, srcNetwork) {
  let originalDestNetworkTrainable;
  if (destNetwork.trainable !== srcNetwork.trainable) {
    originalDestNetworkTrainable = destNetwork.trainable;
    destNetwork.trainable = srcNetwork.trainable;
  }
  destNetwork.setWeights(srcNetwork.getWeights());
  if (originalDestNetworkTrainable != null) {
    destNetwork.trainable = originalDestNetworkTrainable;
  }
}

export { createDeepQNetwork, copyWeights };
