// Idiom seen in: thibo73800/metacar demo/webapp/public/js/policy_monte_carlo/policy_agent.js
// What it reproduces: metacar's policy-gradient car agent has two networks: the value model is compiled and
//   trained with fit (its kernelRegularizer is applied by fit), the policy layers are applied by hand and trained
//   with policy_optimizer.minimize(() => policy loss), which leaves the policy layers' regularizer terms out.
//   A realistic user edit adds L2 to both networks; only the policy layers lose it.
import * as tf from '@tensorflow/tfjs';

const L2 = 1e-3;

export class PolicyAgent {
  constructor(env) {
    this.lidarPts = 5;
    this.ttLidarPts = 5 * 5;
    this.actionsNb = 3;
    this.env = env;
    this.buildValueFc();
    this.buildPolicy();
  }

  buildValueFc() {
    const valueOptimizer = tf.train.adam(0.005);
    this.valueModel = tf.sequential();
    this.valueModel.add(tf.layers.dense({
      inputShape: [this.ttLidarPts],
      units: 9,
      kernelInitializer: 'randomNormal',
      kernelRegularizer: tf.regularizers.l2({l2: L2}),
      activation: 'tanh',
    }));
    this.valueModel.add(tf.layers.dense({units: 1, kernelInitializer: 'randomNormal', activation: 'linear'}));
    this.valueModel.compile({optimizer: valueOptimizer, loss: 'meanSquaredError', metrics: []});
  }

  buildPolicy() {
    this.policyOptimizer = tf.train.adam(0.005);
    this.policyInput = tf.input({shape: [this.ttLidarPts]});
    this.policyF1 = tf.layers.dense({
      inputShape: [this.ttLidarPts],
      units: 9,
      kernelInitializer: 'randomNormal',
      kernelRegularizer: tf.regularizers.l2({l2: L2}), // expect: WD103
      activation: 'tanh',
    });
    this.policyF2 = tf.layers.dense({
      units: this.actionsNb,
      kernelInitializer: 'randomNormal',
      kernelRegularizer: tf.regularizers.l2({l2: L2}), // expect: WD103
      activation: 'softmax',
    });
    this.policyPredict = (state) => tf.tidy(() => this.policyF2.apply(this.policyF1.apply(state)));
    // Loss function -log(p)*advantages
    this.policyLoss = (softmaxs, actions, advantages) => tf.tidy(() => {
      const oneHot = tf.oneHot(actions, this.actionsNb);
      const logTerm = tf.log(tf.sum(tf.mul(softmaxs, oneHot.asType('float32')), 1));
      return tf.mul(tf.scalar(-1), tf.sum(tf.mul(advantages, logTerm)));
    });
    const output = this.policyF2.apply(this.policyF1.apply(this.policyInput));
    this.policyModel = tf.model({inputs: this.policyInput, outputs: output});
  }

  trainValueFc(inputs, targets, miniBatchSize) {
    return this.valueModel.fit(inputs, targets, {batchSize: miniBatchSize, epochs: 1});
  }

  trainPolicy(states, actions, advantages, batchSize, miniBatchSize) {
    const size = states.shape[0];
    for (let b = 0; b < batchSize; b += miniBatchSize) {
      const to = (b + miniBatchSize < size) ? miniBatchSize : (size - b);
      const tfStates = states.slice(b, to);
      const tfActions = actions.slice(b, to);
      const tfAdvantages = advantages.slice(b, to);
      this.policyOptimizer.minimize(() => {
        const softmaxs = this.policyPredict(tfStates);
        return this.policyLoss(softmaxs, tfActions, tfAdvantages);
      });
      tfStates.dispose();
      tfActions.dispose();
      tfAdvantages.dispose();
    }
  }

  async trainEpisode(states, returns, actions, advantages, miniBatchSize) {
    const tfStates = tf.tensor2d(states);
    const tfReturns = tf.tensor1d(returns);
    const tfActions = tf.tensor1d(actions, 'int32');
    const tfAdvantages = tf.tensor1d(advantages);
    await this.trainValueFc(tfStates, tfReturns, miniBatchSize);
    this.trainPolicy(tfStates, tfActions, tfAdvantages, states.length, miniBatchSize);
    tf.dispose([tfStates, tfReturns, tfActions, tfAdvantages]);
  }
}
