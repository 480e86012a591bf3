// Idiom seen in: gajojr/tfjs-dino-player src/model-actions.js
// What it reproduces: the Chrome-dino C51 dueling DDQN agent in tfjs-node: the online model is compiled and
//   trained with `await this.onlineModel.fit(statesTensor, targetTensor, ...)`. The user added L2 kernel
//   regularizers (dense layers and NoisyDense heads); fit() adds the layers' regularization losses itself. Clean.
const tf = require('@tensorflow/tfjs-node');
const { NoisyDense } = require('./NoisyDense');
const { AdvantageNormalization } = require('./AdvantageNormalization');
const { Memory } = require('./Memory');

const D_ATOMS = 51;
const L2 = tf.regularizers.l2({ l2: 1e-5 });

function sumKl(yTrue, yPred) {
  return tf.sum(tf.mul(yTrue, tf.log(tf.div(tf.add(yTrue, 1e-8), tf.add(yPred, 1e-8)))), -1);
}

class DinoAgent {
  constructor(gameProxy) {
    this.gameProxy = gameProxy;
    this.memory = new Memory(100000);
    this.batchSize = 64;
    this.targetUpdateFrequency = 1000;
    this.steps = 0;
  }

  createModel() {
    const i = tf.input({ shape: [106], name: 'state_input' });
    const cd1 = tf.layers.dense({ units: 64, activation: 'relu', kernelRegularizer: L2, name: 'common_dense1' }).apply(i);
    const cd2 = tf.layers.dense({ units: 64, activation: 'relu', kernelRegularizer: L2, name: 'common_dense2' }).apply(cd1);
    const x1 = new NoisyDense(64, 0.5, 'relu', true, L2).apply(cd2);
    const x2 = new NoisyDense(64, 0.5, 'relu', true, L2).apply(cd2);
    const vFlat = tf.layers.dense({ units: D_ATOMS, activation: 'linear', name: 'flat_v' }).apply(x1);
    const v = tf.layers.reshape({ targetShape: [1, D_ATOMS] }).apply(vFlat);
    const aFlat = tf.layers.dense({ units: 3 * D_ATOMS, activation: 'linear', name: 'flat_a' }).apply(x2);
    const a = tf.layers.reshape({ targetShape: [3, D_ATOMS] }).apply(aFlat);
    const merged = new AdvantageNormalization().apply([v, a]);
    const output = tf.layers.softmax({ axis: 2 }).apply(merged);
    const model = tf.model({ inputs: i, outputs: output });
    model.compile({ optimizer: tf.train.adam(0.000125), loss: sumKl });
    return model;
  }

  async replay() {
    const { statesTensor, targetTensor } = this.memory.buildC51Targets(this.onlineModel, this.targetModel, this.batchSize);
    await this.onlineModel.fit(statesTensor, targetTensor, { epochs: 1, batchSize: this.batchSize, shuffle: true, verbose: false });
    if (this.steps % this.targetUpdateFrequency === 0) {
      this.targetModel.setWeights(this.onlineModel.getWeights());
    }
    statesTensor.dispose();
    targetTensor.dispose();
    this.steps++;
  }
}

async function setupModelTraining(gameProxy, episodes = 100000) {
  const dinoAgent = new DinoAgent(gameProxy);
  dinoAgent.targetModel = dinoAgent.createModel();
  dinoAgent.onlineModel = dinoAgent.createModel();
  dinoAgent.onlineModel.setWeights(dinoAgent.targetModel.getWeights());
  for (let e = 0; e < episodes; e++) {
    await gameProxy.playEpisode(dinoAgent);
    await dinoAgent.replay();
  }
  await dinoAgent.targetModel.save('file://./dino-chrome-model/target');
}

module.exports = { DinoAgent, setupModelTraining };
