// Idiom seen in: goepfert/MachineLearning reinforced_learning/DQN_Cartpole/main.js
// Idiom seen in: goepfert/MachineLearning reinforced_learning/DQN_Cartpole/src/agent.js
// What it reproduces: the replay-batch update: lossFunction returns only the TD mean squared error,
// tf.variableGrads differentiates it and optimizer.applyGradients applies it, so the l2 regularizers
// declared on the online network's layers (dqn.js) never contribute a gradient.
import Cartpole from './src/Cartpole.js';
import ReplayBuffer from './src/ReplayBuffer.js';
import { createDeepQNetwork, copyWeights } from './dqn.js';

tf.setBackend('cpu');

const actions = [-1, 1];
const cartpole = new Cartpole({ dt: 0.01, forceMult: 5, g: 1 });

const nnOnlineModel = createDeepQNetwork(2).getModel();
const nnTargetModel = createDeepQNetwork(2).getModel();
nnTargetModel.trainable = false;
const syncEveryFrame = 5;

const replayBufferSize = 500;
const replayBuffer = new ReplayBuffer(replayBufferSize);
const batchSize = replayBufferSize / 2;
const learningRate = 0.001;
const discountRate = 0.99;
const trainingIterations = 20000;
let epsilon = 1.0;

function playOneStep() {
  const { state: currentState } = cartpole.getCurrentState();
  let actionIdx;
  if (Math.random() > epsilon) {
    tf.tidy(() => {
      actionIdx = nnOnlineModel.predict(cartpole.getStateTensor()).argMax(-1).dataSync()[0];
    });
  } else {
    actionIdx = Math.floor(Math.random() * actions.length);
  }
  const { state: nextState, reward, done } = cartpole.step(actions[actionIdx]);
  replayBuffer.append([currentState, actionIdx, reward, nextState, done]);
  epsilon = Math.max(0.05, epsilon * (1 - 0.025));
  if (done) {
    cartpole.random();
  }
}

function trainOnReplayBatch(optimizer) {
  const batch = replayBuffer.sample(batchSize);

  const lossFunction = () =>
    tf.tidy(() => {
      const stateTensor = tf.tensor(batch.map((item) => Object.values(item[0])), [batchSize, 4]);
      const actionTensor = tf.tensor1d(batch.map((item) => item[1]), 'int32');
      const online = nnOnlineModel.apply(stateTensor, { training: true });
      const qs = online.mul(tf.oneHot(actionTensor, actions.length)).sum(-1);

      const rewardTensor = tf.tensor1d(batch.map((item) => item[2]));
      const nextStateTensor = tf.tensor(batch.map((item) => Object.values(item[3])), [batchSize, 4]);
      const nextMaxQTensor = nnTargetModel.predict(nextStateTensor).max(-1);
      const status = tf.tensor1d(batch.map((item) => item[4])).asType('float32');
      const doneMask = tf.scalar(1).sub(status);
      const targetQs = rewardTensor.add(nextMaxQTensor.mul(doneMask).mul(discountRate));

      const mse = tf.losses.meanSquaredError(targetQs, qs);
      return mse;
    });

  const grads = tf.variableGrads(lossFunction);
  optimizer.applyGradients(grads.grads);
  tf.dispose(grads);
}

function train() {
  const optimizer = tf.train.adam(learningRate);
  for (let i = 0; i < replayBufferSize; i++) {
    playOneStep();
  }
  for (let idx = 0; idx < trainingIterations; idx++) {
    trainOnReplayBatch(optimizer);
    playOneStep();
    if (idx % syncEveryFrame === 0) {
      copyWeights(nnTargetModel, nnOnlineModel);
    }
  }
}

document.getElementById('train-button').addEventListener('click', () => train());
