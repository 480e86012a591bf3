// Idiom seen in: MagicCube/cart-pole-js src/agents/PolicyGradientAgent/PolicyGradientModel.js
// What it reproduces: the repo's functional tf.model policy network (learn() is empty there); the user
// adds kernelRegularizer l2 to both dense layers and implements learn() with optimizer.minimize on the
// REINFORCE loss only, so the regularizers never reach the minimized loss (user mistake).
import * as tf from '@tensorflow/tfjs';

const L2_RATE = 1e-3;

export default class PolicyGradientModel {
  observations = [];
  actions = [];
  rewards = [];

  constructor({
    observationDim = 4,
    actionTypeCount = 2,
    learningRate = 0.01,
    rewardDecay = 0.95
  } = {}) {
    this.observationDim = observationDim;
    this.actionTypeCount = actionTypeCount;
    this.rewardDecay = rewardDecay;
    this.optimizer = tf.train.adam(learningRate);
    this.buildNNModel();
  }

  buildNNModel() {
    this.inputObservations = tf.input({ shape: [this.observationDim] });
    const denseLayer1 = tf.layers.dense({
      units: 10,
      activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({ l2: L2_RATE }) // expect: WD103
    });
    const denseLayer2 = tf.layers.dense({
      units: this.actionTypeCount,
      activation: 'softmax',
      kernelRegularizer: tf.regularizers.l2({ l2: L2_RATE }) // expect: WD103
    });
    this.outputActions = denseLayer2.apply(denseLayer1.apply(this.inputObservations));
    this.neuralNetworkModel = tf.model({
      inputs: this.inputObservations,
      outputs: this.outputActions
    });
  }

  store({ observation, action, reward }) {
    this.observations.push(observation);
    this.actions.push(action);
    this.rewards.push(reward);
  }

  reset() {
    this.observations.splice(0);
    this.actions.splice(0);
    this.rewards.splice(0);
  }

  chooseAction(observation) {
    return tf.tidy(() => {
      const probs = this.neuralNetworkModel.predict(tf.tensor2d([observation]));
      return tf.multinomial(tf.log(probs), 1).dataSync()[0];
    });
  }

  discountedRewards() {
    const out = new Array(this.rewards.length);
    let running = 0;
    for (let t = this.rewards.length - 1; t >= 0; t--) {
      running = running * this.rewardDecay + this.rewards[t];
      out[t] = running;
    }
    const mean = out.reduce((a, b) => a + b, 0) / out.length;
    const std = Math.sqrt(out.reduce((a, b) => a + (b - mean) ** 2, 0) / out.length) + 1e-8;
    return out.map(r => (r - mean) / std);
  }

  learn() {
    const returns = tf.tensor1d(this.discountedRewards());
    const obs = tf.tensor2d(this.observations);
    const acts = tf.oneHot(tf.tensor1d(this.actions, 'int32'), this.actionTypeCount);
    this.optimizer.minimize(() => {
      const probs = this.neuralNetworkModel.predict(obs);
      const logProb = tf.sum(tf.mul(acts, tf.log(tf.add(probs, 1e-8))), 1);
      return tf.neg(tf.mean(tf.mul(logProb, returns)));
    });
    tf.dispose([returns, obs, acts]);
    this.reset();
  }
}
