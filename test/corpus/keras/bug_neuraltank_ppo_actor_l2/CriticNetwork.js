// Idiom seen in: jamro/neuraltank src/agent/net/ActorNetwork.js
// Idiom seen in: jamro/neuraltank src/agent/net/CriticNetwork.js
// Idiom seen in: jamro/neuraltank src/agent/net/DualActorNetwork.js
// What it reproduces: L2 kernel regularizers added to both tank-AI networks; the critic is trained with
//   net.fit (terms included), but the PPO actor is trained with optimizer.minimize(f) whose loss never adds
//   this.net.calculateLosses(), so the actor regularizers do nothing (user change in the repo idiom).
import * as tf from '@tensorflow/tfjs';
import PersistentNetwork, { L2_REG } from './PersistentNetwork.js';

export default class CriticNetwork extends PersistentNetwork {

  constructor(inputCount = 1, outputCount = 1, learningRate = 0.001, name = 'critic') {
    super(inputCount, outputCount, learningRate, name);

    this.optimizer = tf.train.adam(this.learningRate);

    this.net = tf.sequential();
    this.net.add(tf.layers.dense({ units: 32, activation: 'relu', inputShape: [this.inputCount], kernelRegularizer: tf.regularizers.l2({ l2: L2_REG }) }));
    this.net.add(tf.layers.dense({ units: 32, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: L2_REG }) }));
    this.net.add(tf.layers.dense({ units: this.outputCount, activation: 'linear' }));
    this.net.compile({ optimizer: this.optimizer, loss: tf.losses.meanSquaredError });
  }

  exec(inputs) {
    return tf.tidy(() => this.net.predict(inputs));
  }

  async train(input, value, reward, discountRate) {
    const inputTensor = input.reshape([-1, input.shape[2]]);
    const rewardArray = reward.reshape([-1]).arraySync();
    const numSteps = rewardArray.length;
    const returnArray = new Array(numSteps).fill(0);
    let lastReward = 0;
    for (let t = numSteps - 1; t >= 0; t--) {
      returnArray[t] = rewardArray[t] + discountRate * lastReward;
      lastReward = returnArray[t];
    }
    const expectedValue = tf.tensor2d(returnArray, [returnArray.length, 1]);
    const criticResults = await this.net.fit(inputTensor, expectedValue, { epochs: 1 });
    return criticResults.history.loss[0];
  }
}
