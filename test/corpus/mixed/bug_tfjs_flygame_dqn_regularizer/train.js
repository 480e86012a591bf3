// Idiom seen in: cjgammon/tensorflow-rl-arcade-game path_game/agent.js
// Idiom seen in: cjgammon/tensorflow-rl-arcade-game path_game/train.js
// What it reproduces: the replay-batch update: tf.variableGrads over a hand-written mean squared
// TD error of the online network; model.calculateLosses() is never added, so the regularizers
// set in dqn.js do nothing.
const tf = require('@tensorflow/tfjs-node');
const {createDeepQNetwork, copyWeights} = require('./dqn');
const {FlyGame} = require('./game');
const {ReplayMemory} = require('./replay_memory');

const HEIGHT = 10;
const WIDTH = 10;
const NUM_ACTIONS = 3;

const onlineNetwork = createDeepQNetwork(HEIGHT, WIDTH, NUM_ACTIONS);
const targetNetwork = createDeepQNetwork(HEIGHT, WIDTH, NUM_ACTIONS);
const optimizer = tf.train.adam(1e-3);

function trainOnReplayBatch(memory, batchSize, gamma) {
  const batch = memory.sample(batchSize);
  const lossFunction = () => tf.tidy(() => {
    const stateTensor = FlyGame.getStateTensor(batch.map((e) => e[0]), HEIGHT, WIDTH);
    const actionTensor = tf.tensor1d(batch.map((e) => e[1]), 'int32');
    const qs = onlineNetwork.apply(stateTensor, {training: true})
        .mul(tf.oneHot(actionTensor, NUM_ACTIONS)).sum(-1);
    const rewardTensor = tf.tensor1d(batch.map((e) => e[2]));
    const nextStateTensor = FlyGame.getStateTensor(batch.map((e) => e[4]), HEIGHT, WIDTH);
    const nextMaxQ = targetNetwork.predict(nextStateTensor).max(-1);
    const doneMask = tf.scalar(1).sub(tf.tensor1d(batch.map((e) => e[3])).asType('float32'));
    const targetQs = rewardTensor.add(nextMaxQ.mul(doneMask).mul(gamma));
    return tf.mean(tf.square(tf.sub(targetQs, qs)));
  });
  const grads = tf.variableGrads(lossFunction);
  optimizer.applyGradients(grads.grads);
  tf.dispose(grads);
}

async function train({batchSize = 64, gamma = 0.99, maxFrames = 1e6, syncEvery = 1000} = {}) {
  const game = new FlyGame({width: WIDTH, height: HEIGHT});
  const memory = new ReplayMemory(1e4);
  for (let frame = 0; frame < maxFrames; frame++) {
    memory.append(game.step(onlineNetwork));
    if (memory.length >= batchSize) {
      trainOnReplayBatch(memory, batchSize, gamma);
    }
    if (frame % syncEvery === 0) {
      copyWeights(targetNetwork, onlineNetwork);
    }
  }
  await onlineNetwork.save('file://./models/dqn');
}

if (require.main === module) {
  train();
}
