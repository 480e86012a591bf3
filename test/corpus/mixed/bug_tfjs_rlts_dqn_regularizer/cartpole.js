// Idiom seen in: StoneT2000/rl-ts src/Algos/dqn/index.ts
// Idiom seen in: StoneT2000/rl-ts examples/DQN/cartpole.js
// What it reproduces: the DQN agent trains the policy net with optimizer.computeGradients(lossFunc) on the Huber TD loss only;
// a user gives the Q-network builder kernelRegularizer l2 layers, whose terms that loss never adds (WD103, user mistake).
const tf = require('@tensorflow/tfjs');
const RL = require('rl-ts');
const { DQN } = require('./dqn');

const L2 = 1e-4;

function makeQNet() {
  const net = tf.sequential();
  net.add(tf.layers.dense({ units: 12, inputShape: [4], activation: 'tanh', kernelRegularizer: tf.regularizers.l2({ l2: L2 }) })); // expect: WD103
  net.add(tf.layers.dense({ units: 24, activation: 'tanh', kernelRegularizer: tf.regularizers.l2({ l2: L2 }) })); // expect: WD103
  net.add(tf.layers.dense({ units: 2, activation: 'linear' }));
  return net;
}

const main = async () => {
  RL.random.seed(0);
  const policyNet = makeQNet();
  const targetNet = makeQNet();
  targetNet.setWeights(policyNet.getWeights());

  const makeEnv = () => new RL.Environments.Examples.CartPole();
  const dqn = new DQN(makeEnv, { replayBufferCapacity: 10000, policyNet, targetNet });

  const epochCallback = async ({ episode }) => {
    let state = dqn.env.reset();
    let rewards = 0;
    while (true) {
      const { reward, observation, done } = dqn.env.step(dqn.act(state));
      state = observation;
      rewards += reward;
      if (done) break;
    }
    console.log(`Episode ${episode} - Eval Rewards: ${rewards}`);
  };

  await dqn.train({ totalEpisodes: 1000, batchSize: 128, epochCallback });
};

main();
