// Idiom seen in: tensorflow/tfjs-examples snake-dqn/agent.js; tensorflow/tfjs tfjs-layers/src/engine/training.ts
// What it reproduces: the DQN replay-batch step written with tf.variableGrads, where the loss
// function folds the network's regularizer penalties into the TD loss the way LayersModel's own
// train function does (`calculateLosses().forEach(r => totalLoss = add(totalLoss, r))`).
// Correctly wired: the L2 terms reach the loss that is differentiated.
import * as tf from '@tensorflow/tfjs';
import { getStateTensor, NUM_ACTIONS, type SnakeGame } from './snake_game';
import { ReplayMemory } from './replay_memory';

type Example = [number[][], number, number, boolean, number[][]];

function createQNetwork(h: number, w: number, numActions: number, l2: number): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [h, w, 2], filters: 64, kernelSize: 3, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2 }) }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2 }) }));
  model.add(tf.layers.dense({ units: numActions }));
  return model;
}

export class RegularizedAgent {
  readonly onlineNetwork: tf.Sequential;
  readonly targetNetwork: tf.Sequential;
  readonly optimizer: tf.Optimizer;
  readonly memory: ReplayMemory<Example>;

  constructor(private readonly game: SnakeGame, learningRate: number, l2: number) {
    this.onlineNetwork = createQNetwork(game.height, game.width, NUM_ACTIONS, l2);
    this.targetNetwork = createQNetwork(game.height, game.width, NUM_ACTIONS, l2);
    this.targetNetwork.trainable = false;
    this.optimizer = tf.train.adam(learningRate);
    this.memory = new ReplayMemory<Example>(10000);
  }

  trainOnReplayBatch(batchSize: number, gamma: number): void {
    const batch = this.memory.sample(batchSize);
    const lossFunction = () => tf.tidy(() => {
      const states = getStateTensor(batch.map((e) => e[0]), this.game.height, this.game.width);
      const actions = tf.tensor1d(batch.map((e) => e[1]), 'int32');
      const qs = (this.onlineNetwork.apply(states, { training: true }) as tf.Tensor)
        .mul(tf.oneHot(actions, NUM_ACTIONS)).sum(-1);
      const nextStates = getStateTensor(batch.map((e) => e[4]), this.game.height, this.game.width);
      const nextMaxQ = (this.targetNetwork.predict(nextStates) as tf.Tensor).max(-1);
      const notDone = tf.tensor1d(batch.map((e) => (e[3] ? 0 : 1)));
      const targetQs = tf.tensor1d(batch.map((e) => e[2])).add(nextMaxQ.mul(notDone).mul(gamma));

      let totalLoss = tf.losses.meanSquaredError(targetQs, qs) as tf.Scalar;
      this.onlineNetwork.calculateLosses().forEach((regularizerLoss) => {
        totalLoss = tf.add(totalLoss, regularizerLoss) as tf.Scalar;
      });
      return totalLoss;
    });

    const { value, grads } = tf.variableGrads(lossFunction);
    this.optimizer.applyGradients(grads);
    tf.dispose([value, grads]);
  }
}
