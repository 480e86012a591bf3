// Idiom seen in: jamro/neuraltank src/agent/net/ActorNetwork.js
// Idiom seen in: jamro/neuraltank src/agent/net/CriticNetwork.js
// Idiom seen in: jamro/neuraltank src/agent/net/DualActorNetwork.js
// What it reproduces: L2 kernel regularizers added to both tank-AI networks; the critic is trained with
//   net.fit (terms included), but the PPO actor is trained with optimizer.minimize(f) whose loss never adds
//   this.net.calculateLosses(), so the actor regularizers do nothing (user change in the repo idiom).
import * as tf from '@tensorflow/tfjs';
import ActorNetwork from './ActorNetwork.js';

const ENTROPY_COEFFICIENT = 0.001;
const GAE_LAMBDA = 0.97;
const PPO_CLIP_EPSILON = 0.2;

export default class DualActorNetwork extends ActorNetwork {

  constructor(inputCount = 1, outputCount = 1, learningRate = 0.001, name = 'actor') {
    super(inputCount, outputCount, learningRate, name + '-main');
    this.oldNet = new ActorNetwork(inputCount, outputCount, learningRate, name + '-old');
    this.refreshOldActor();
  }

  refreshOldActor() {
    this.oldNet.net.setWeights(this.net.getWeights());
  }

  getAdvantages(rewardArray, valueArray, discountRate) {
    const numSteps = rewardArray.length;
    const advantageArray = new Array(numSteps).fill(0);
    let nextAdvantage = 0;
    for (let t = numSteps - 1; t >= 0; t--) {
      const nextValue = t === numSteps - 1 ? 0 : valueArray[t + 1];
      const delta = rewardArray[t] + discountRate * nextValue - valueArray[t];
      advantageArray[t] = delta + discountRate * GAE_LAMBDA * nextAdvantage;
      nextAdvantage = advantageArray[t];
    }
    return tf.tensor2d(advantageArray, [numSteps, 1]);
  }

  logProb(mean, stdDev, action) {
    const variance = tf.square(stdDev);
    const exponent = tf.mul(-0.5, action.sub(mean).square().div(variance));
    return exponent.sub(tf.log(stdDev)).sum(1, true);
  }

  trainSingleBatch(input, action, advantage) {
    const epsilon = PPO_CLIP_EPSILON;
    const f = () => tf.tidy(() => {
      const [meanOld, stdOld] = this.oldNet.exec(input);
      const [mean, std] = this.exec(input);
      const ratio = tf.exp(this.logProb(mean, std, action).sub(this.logProb(meanOld, stdOld, action)));
      const surrogate1 = ratio.mul(advantage);
      const surrogate2 = tf.clipByValue(ratio, 1 - epsilon, 1 + epsilon).mul(advantage);
      const entropy = std.mean().square().mul(2 * Math.PI * Math.E).log().mul(0.5);
      const loss = tf.neg(tf.minimum(surrogate1, surrogate2));
      return loss.sub(entropy.mul(ENTROPY_COEFFICIENT)).mean();
    });
    this.refreshOldActor();
    const cost = tf.tidy(() => this.optimizer.minimize(f, true));
    return cost.dataSync()[0];
  }

  train(inputTensor, actionTensor, rewardTensor, valueTensor, discountRate) {
    const input = inputTensor.reshape([-1, inputTensor.shape[2]]);
    const action = actionTensor.reshape([-1, actionTensor.shape[2]]);
    const advantage = this.getAdvantages(rewardTensor.reshape([-1]).arraySync(),
      valueTensor.reshape([-1]).arraySync(), discountRate);
    return this.trainSingleBatch(input, action, advantage);
  }
}
