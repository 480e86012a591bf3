// Idiom seen in: jamro/neuraltank src/agent/net/ActorNetwork.js
// Idiom seen in: jamro/neuraltank src/agent/net/CriticNetwork.js
// Idiom seen in: jamro/neuraltank src/agent/net/DualActorNetwork.js
// What it reproduces: L2 kernel regularizers added to both tank-AI networks; the critic is trained with
//   net.fit (terms included), but the PPO actor is trained with optimizer.minimize(f) whose loss never adds
//   this.net.calculateLosses(), so the actor regularizers do nothing (user change in the repo idiom).
import * as tf from '@tensorflow/tfjs';
import PersistentNetwork, { L2_REG } from './PersistentNetwork.js';

export default class ActorNetwork extends PersistentNetwork {

  constructor(inputCount = 1, outputCount = 1, learningRate = 0.001, name = 'actor') {
    super(inputCount, outputCount, learningRate, name);

    this.optimizer = tf.train.adam(this.learningRate);

    this.net = tf.sequential();
    this.net.add(tf.layers.dense({ units: 32, activation: 'tanh', inputShape: [this.inputCount], kernelRegularizer: tf.regularizers.l2({ l2: L2_REG }) })); // expect: WD103
    this.net.add(tf.layers.dense({ units: 32, activation: 'tanh', kernelRegularizer: tf.regularizers.l2({ l2: L2_REG }) })); // expect: WD103
    this.net.add(tf.layers.dense({ units: 32, activation: 'tanh', kernelRegularizer: tf.regularizers.l2({ l2: L2_REG }) })); // expect: WD103
    this.net.add(tf.layers.dense({ units: 2 * this.outputCount, activation: 'linear' }));
    this.net.compile({ optimizer: this.optimizer, loss: tf.losses.meanSquaredError });
  }

  exec(inputs) {
    return tf.tidy(() => {
      const output = this.net.predict(inputs);
      const mean = tf.tanh(output.slice([0, 0], [-1, this.outputCount]));
      let stdDev = output.slice([0, this.outputCount], [-1, -1]);
      stdDev = tf.sigmoid(stdDev).add(0.01);
      const unscaledActions = tf.add(mean, tf.mul(stdDev, tf.randomNormal(mean.shape)));
      const scaledActions = tf.clipByValue(unscaledActions, -1, 1);
      return [mean, stdDev, scaledActions];
    });
  }
}
