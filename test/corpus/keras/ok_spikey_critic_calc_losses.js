// Idiom seen in: ajberdy/Spikey learning/actor_critic.js
// Idiom seen in: ajberdy/Spikey learning/ddpg.js
// What it reproduces: Spikey's DDPG critic (layers applied by hand, wrapped in tf.model) with an L2
//   kernelRegularizer on its hidden layers; the critic loss given to criticOptimizer.minimize adds
//   this.critic.model.calculateLosses(), the TF.js way to get the regularizer terms: clean.
const tf = require('@tensorflow/tfjs');

class Critic {
  constructor(config) {
    this.seed = config.seed;
    this.l2 = config.criticL2;
    this.config = config;
  }

  buildModel(observation, action) {
    this.layer1 = tf.layers.dense({
      units: 32,
      kernelInitializer: tf.initializers.glorotUniform({seed: this.seed}),
      kernelRegularizer: tf.regularizers.l2({l2: this.l2}),
      activation: 'relu',
    });
    this.layer2 = tf.layers.dense({
      units: 24,
      kernelInitializer: tf.initializers.glorotUniform({seed: this.seed}),
      kernelRegularizer: tf.regularizers.l2({l2: this.l2}),
      activation: 'relu',
    });
    this.outputLayer = tf.layers.dense({
      units: 1,
      kernelInitializer: tf.initializers.randomUniform({minval: -0.003, maxval: 0.003, seed: this.seed}),
      activation: 'linear',
    });
    const concat = tf.layers.concatenate();
    this.predict = (obs, act) => this.outputLayer.apply(this.layer2.apply(this.layer1.apply(concat.apply([obs, act]))));
    this.model = tf.model({inputs: [observation, action], outputs: this.predict(observation, action)});
  }
}

class DDPG {
  constructor(critic, criticTarget, config) {
    this.critic = critic;
    this.criticTarget = criticTarget;
    this.config = config;
    this.gamma = tf.scalar(config.gamma);
    this.criticOptimizer = tf.train.adam(config.criticLearningRate);
  }

  trainCritic(obs0, actions, rewards, terminals, targetQ) {
    const lossTensor = this.criticOptimizer.minimize(() => {
      const q = this.critic.model.predict([obs0, actions]);
      const y = rewards.add(tf.scalar(1).sub(terminals).mul(this.gamma).mul(targetQ));
      const tdLoss = tf.losses.meanSquaredError(y, q);
      return tf.addN([tdLoss, ...this.critic.model.calculateLosses()]);
    }, true);
    const value = lossTensor.dataSync()[0];
    lossTensor.dispose();
    return value;
  }
}

function makeAgent(config) {
  const observationInput = tf.input({batchShape: [null, config.stateSize]});
  const actionInput = tf.input({batchShape: [null, config.actionSize]});
  const critic = new Critic(config);
  critic.buildModel(observationInput, actionInput);
  const criticTarget = new Critic(config);
  criticTarget.buildModel(observationInput, actionInput);
  return new DDPG(critic, criticTarget, config);
}

module.exports = {makeAgent};

if (require.main === module) {
  const agent = makeAgent({seed: 0, criticL2: 1e-2, gamma: 0.99, criticLearningRate: 1e-3, stateSize: 28,
    actionSize: 2});
  const obs = tf.randomNormal([64, 28]);
  const act = tf.randomUniform([64, 2], -1, 1);
  const rew = tf.randomNormal([64, 1]);
  const done = tf.zeros([64, 1]);
  const targetQ = agent.criticTarget.model.predict([obs, act]);
  for (let i = 0; i < 100; i++) {
    console.log(agent.trainCritic(obs, act, rew, done, targetQ));
  }
}
