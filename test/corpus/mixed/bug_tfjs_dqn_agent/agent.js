// Idiom seen in: tensorflow/tfjs-examples snake-dqn/agent.js
// What it reproduces: the DQN agent's trainOnReplayBatch: a named lossFunction wrapped in tf.tidy,
// differentiated by tf.variableGrads and applied with optimizer.applyGradients. The loss is the
// TD error only; the network's L2 terms (dqn.js) are never added, so they are reported there.
import * as tf from '@tensorflow/tfjs';

import {createDeepQNetwork, copyWeights} from './dqn';
import {getRandomAction, NUM_ACTIONS, ALL_ACTIONS, getStateTensor} from './snake_game';
import {ReplayMemory} from './replay_memory';

export class SnakeGameAgent {
  constructor(game, config) {
    this.game = game;
    this.epsilon = config.epsilonInit;
    this.onlineNetwork = createDeepQNetwork(game.height, game.width, NUM_ACTIONS);
    this.targetNetwork = createDeepQNetwork(game.height, game.width, NUM_ACTIONS);
    this.targetNetwork.trainable = false;
    this.optimizer = tf.train.adam(config.learningRate);
    this.replayMemory = new ReplayMemory(config.replayBufferSize);
  }

  playStep() {
    const state = this.game.getState();
    let action;
    if (Math.random() < this.epsilon) {
      action = getRandomAction();
    } else {
      tf.tidy(() => {
        const stateTensor = getStateTensor(state, this.game.height, this.game.width);
        action = ALL_ACTIONS[this.onlineNetwork.predict(stateTensor).argMax(-1).dataSync()[0]];
      });
    }
    const {state: nextState, reward, done} = this.game.step(action);
    this.replayMemory.append([state, action, reward, done, nextState]);
    return {action, reward, done};
  }

  trainOnReplayBatch(batchSize, gamma, optimizer) {
    const batch = this.replayMemory.sample(batchSize);
    const lossFunction = () => tf.tidy(() => {
      const stateTensor = getStateTensor(
          batch.map(example => example[0]), this.game.height, this.game.width);
      const actionTensor = tf.tensor1d(batch.map(example => example[1]), 'int32');
      const qs = this.onlineNetwork.apply(stateTensor, {training: true})
          .mul(tf.oneHot(actionTensor, NUM_ACTIONS)).sum(-1);

      const rewardTensor = tf.tensor1d(batch.map(example => example[2]));
      const nextStateTensor = getStateTensor(
          batch.map(example => example[4]), this.game.height, this.game.width);
      const nextMaxQTensor = this.targetNetwork.predict(nextStateTensor).max(-1);
      const doneMask = tf.scalar(1).sub(
          tf.tensor1d(batch.map(example => example[3])).asType('float32'));
      const targetQs = rewardTensor.add(nextMaxQTensor.mul(doneMask).mul(gamma));
      return tf.losses.meanSquaredError(targetQs, qs);
    });

    const grads = tf.variableGrads(lossFunction);
    optimizer.applyGradients(grads.grads);
    tf.dispose(grads);
  }

  syncTargetNetwork() {
    copyWeights(this.targetNetwork, this.onlineNetwork);
  }
}
