// Idiom seen in: StoneT2000/rl-ts src/Algos/dqn/index.ts
// Idiom seen in: StoneT2000/rl-ts examples/DQN/cartpole.js
// What it reproduces: the DQN agent trains the policy net with optimizer.computeGradients(lossFunc) on the Huber TD loss only;
// a user gives the Q-network builder kernelRegularizer l2 layers, whose terms that loss never adds (WD103, user mistake).
const tf = require('@tensorflow/tfjs');
const { ReplayBuffer } = require('./replayBuffer');

class DQN {
  constructor(makeEnv, configs) {
    this.env = makeEnv();
    this.policyNet = configs.policyNet;
    this.targetNet = configs.targetNet;
    this.replayBuffer = new ReplayBuffer(configs.replayBufferCapacity || 1000);
  }

  act(observation) {
    return tf.tidy(() => {
      const pred = this.policyNet.predict(tf.tensor2d([observation]));
      return pred.argMax(1).dataSync()[0];
    });
  }

  async train({ totalEpisodes = 200, batchSize = 32, gamma = 0.999, targetUpdateFreq = 10, epochCallback = () => {} }) {
    const optimizer = tf.train.adam(1e-3);
    let state = this.env.reset();
    let episode = 0;
    for (let t = 0; episode < totalEpisodes; t++) {
      const eps = 0.05 + 0.85 * Math.exp(-t / 200);
      const action = Math.random() > eps ? this.act(state) : this.env.actionSpace.sample();
      const { observation, reward, done } = this.env.step(action);
      this.replayBuffer.push({ state, nextState: observation, reward, action, done });
      state = observation;
      await this.optimizeModel({ optimizer, batchSize, gamma });
      if (done) {
        if (episode % targetUpdateFreq === 0) this.targetNet.setWeights(this.policyNet.getWeights());
        await epochCallback({ episode });
        episode += 1;
        state = this.env.reset();
      }
    }
  }

  async optimizeModel({ optimizer, batchSize, gamma }) {
    if (this.replayBuffer.length < batchSize) return null;
    const transitions = this.replayBuffer.sample(batchSize);
    return tf.tidy(() => {
      const stateBatch = tf.tensor2d(transitions.map((tr) => tr.state));
      const nextStateBatch = tf.tensor2d(transitions.map((tr) => tr.nextState));
      const actionBatch = tf.tensor1d(transitions.map((tr) => tr.action), 'int32');
      const rewardBatch = tf.tensor1d(transitions.map((tr) => tr.reward));
      const doneMask = tf.scalar(1).sub(tf.tensor1d(transitions.map((tr) => (tr.done ? 1 : 0))));

      this.targetNet.trainable = false;
      const lossFunc = () => {
        const stateValues = this.policyNet.apply(stateBatch);
        const stateActionValues = stateValues.mul(tf.oneHot(actionBatch, stateValues.shape[1])).sum(-1);
        const nextStateValues = this.targetNet.apply(nextStateBatch).max(1);
        const expected = nextStateValues.mul(doneMask).mul(gamma).add(rewardBatch);
        return tf.losses.huberLoss(stateActionValues, expected);
      };
      const grads = optimizer.computeGradients(lossFunc);
      for (const key of Object.keys(grads.grads)) {
        grads.grads[key] = grads.grads[key].clipByValue(-1, 1);
      }
      optimizer.applyGradients(grads.grads);
      this.targetNet.trainable = true;
      return grads.value.dataSync()[0];
    });
  }
}

module.exports = { DQN };
