// Idiom seen in: ZQZCalin/Snake-DQN-web-ver js/agentClass.js
// What it reproduces: the snake DQN agent (dense 128-128-128 net, Deque memory); the repository only compiles
// the model, and a user implements replay() with tf.variableGrads + applyGradients after adding l2 kernel
// regularizers: the loss adds `...this.model.losses`, which in TF.js holds no regularizer terms, so no decay.
import * as tf from '@tensorflow/tfjs';

const L2 = 1e-4;

class Deque extends Array {
  constructor(maxlen) {
    super();
    this.maxlen = maxlen;
  }

  pushDeque(item) {
    if (this.length >= this.maxlen) this.shift();
    this.push(item);
  }
}

export class Agent {
  constructor(stateSize, actionSize, gamma, epsilon, epsilonDecay, epsilonMin, learningRate) {
    this.state_size = stateSize;
    this.action_size = actionSize;
    this.gamma = gamma;
    this.epsilon = epsilon;
    this.epsilon_decay = epsilonDecay;
    this.epsilon_min = epsilonMin;
    this.learning_rate = learningRate;

    this.model = this.build_model();
    this.targetModel = this.build_model();
    this.targetModel.trainable = false;
    this.optimizer = tf.train.adam(this.learning_rate);
    this.memory = new Deque(2000);
  }

  build_model() {
    const model = tf.sequential();
    model.add(tf.layers.dense({
      units: 128, inputShape: [this.state_size], activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
    }));
    model.add(tf.layers.dense({
      units: 128, activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
    }));
    model.add(tf.layers.dense({
      units: 128, activation: 'relu',
      kernelRegularizer: tf.regularizers.l2({ l2: L2 }), // expect: WD103
    }));
    model.add(tf.layers.dense({ units: this.action_size, activation: 'linear' }));
    return model;
  }

  remember(state, action, reward, nextState, done) {
    this.memory.pushDeque([state, action, reward, nextState, done]);
  }

  act(state) {
    if (Math.random() <= this.epsilon) {
      return Math.floor(Math.random() * this.action_size);
    }
    return tf.tidy(() => this.model.predict(tf.tensor2d(state, [1, this.state_size])).argMax(-1).dataSync()[0]);
  }

  replay(batchSize) {
    if (this.memory.length < batchSize) return;
    const batch = [];
    for (let i = 0; i < batchSize; i++) {
      batch.push(this.memory[Math.floor(Math.random() * this.memory.length)]);
    }
    const lossFunction = () => tf.tidy(() => {
      const states = tf.tensor2d(batch.map((e) => e[0]), [batchSize, this.state_size]);
      const actions = tf.tensor1d(batch.map((e) => e[1]), 'int32');
      const qs = this.model.apply(states, { training: true })
        .mul(tf.oneHot(actions, this.action_size)).sum(-1);
      const rewards = tf.tensor1d(batch.map((e) => e[2]));
      const nextStates = tf.tensor2d(batch.map((e) => e[3]), [batchSize, this.state_size]);
      const notDone = tf.tensor1d(batch.map((e) => (e[4] ? 0 : 1)));
      const nextMaxQ = this.targetModel.predict(nextStates).max(-1);
      const targetQs = rewards.add(nextMaxQ.mul(notDone).mul(this.gamma));
      const dataLoss = tf.losses.meanSquaredError(targetQs, qs);
      return tf.addN([dataLoss, ...this.model.losses]);
    });
    const grads = tf.variableGrads(lossFunction);
    this.optimizer.applyGradients(grads.grads);
    tf.dispose(grads);
    if (this.epsilon > this.epsilon_min) this.epsilon *= this.epsilon_decay;
  }

  syncTarget() {
    this.targetModel.setWeights(this.model.getWeights());
  }
}
