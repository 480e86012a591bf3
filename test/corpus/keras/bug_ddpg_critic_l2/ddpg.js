// Idiom seen in: bobiblazeski/js-gym src/agents/ddpg.js
// Idiom seen in: bobiblazeski/js-gym server/mk/model.js
// What it reproduces: js-gym's DDPG learn step; the critic loss handed to criticOptimizer.minimize is the bare
//   TD mean squared error, so the critic's kernelRegularizer terms (model.js) never reach the optimizer.
const tf = require('@tensorflow/tfjs-node');

const ReplayBuffer = require('./lib/replay.buffer');
const OUNoise = require('./lib/ounoise');

const hardUpdate = (source, target) => {
  tf.tidy(() => {
    target.layers.forEach((layer, i) => layer.setWeights(source.layers[i].getWeights()));
  });
};

const softUpdate = (source, target, tau) => {
  tf.tidy(() => {
    target.layers.forEach((layer, i) => {
      const sWeights = source.layers[i].getWeights();
      const tWeights = layer.getWeights();
      layer.setWeights(sWeights.map((s, j) => tf.mul(s, tau).add(tf.mul(tWeights[j], 1 - tau))));
    });
  });
};

const BATCH_SIZE = 16;
const GAMMA = 0.99;
const TAU = 1e-3;
const LR_ACTOR = 1e-4;
const LR_CRITIC = 1e-3;

class DDPG {
  constructor(actionSize, makeActor, makeCritic, {lrActor = LR_ACTOR, lrCritic = LR_CRITIC,
      batchSize = BATCH_SIZE, updateEvery = 10} = {}) {
    this.updateEvery = updateEvery;
    this.noise = new OUNoise(actionSize);
    this.buffer = new ReplayBuffer(1e6, batchSize);
    this.actor = makeActor();
    this.actorTarget = makeActor();
    this.critic = makeCritic();
    this.criticTarget = makeCritic();
    this.actorOptimizer = tf.train.adam(lrActor);
    this.criticOptimizer = tf.train.adam(lrCritic);
    hardUpdate(this.actor, this.actorTarget);
    hardUpdate(this.critic, this.criticTarget);
  }

  async step(envStep, other) {
    const {prevState, action, reward, observation, done} = envStep;
    this.buffer.add(prevState, action, reward, observation, done, other);
    if (this.buffer.length > 2 * BATCH_SIZE && other.stepNo % this.updateEvery === 0) {
      const episodes = await this.buffer.sample();
      this.learn(episodes, GAMMA);
    }
  }

  learn(experiences, gamma, tau = TAU) {
    tf.tidy(() => {
      const {states, actions, rewards, nextStates, dones} = Object.fromEntries(
        Object.keys(experiences).map((key) => [key, tf.tensor(experiences[key])]));
      const actionsNext = this.actorTarget.predict(nextStates);
      const qTargetsNext = this.criticTarget.predict([nextStates, actionsNext]);
      // Critic update
      this.criticOptimizer.minimize(() => {
        const qTargets = tf.add(rewards, tf.mul(tf.mul(gamma, qTargetsNext), tf.sub(1, dones)));
        const qExpected = this.critic.predict([states, actions]);
        const criticLoss = tf.losses.meanSquaredError(qTargets, qExpected);
        return criticLoss;
      });
      // Actor update
      this.actorOptimizer.minimize(() => {
        const actionsPred = this.actor.predict(states);
        return this.critic.predict([states, actionsPred]).mean().mul(-1.0);
      }, false, this.actor.trainableWeights.map((w) => w.val));
    });
    softUpdate(this.critic, this.criticTarget, tau);
    softUpdate(this.actor, this.actorTarget, tau);
    this.noise.reset();
  }
}

module.exports = DDPG;
