// Idiom seen in: salim4n/tfjs-playground app/utils/agent/cartpole-agent.ts
// What it reproduces: the repo's cart-pole DQN (online + target tf.sequential); the user adds l2
// kernelRegularizers and replaces model.fit by a hand-written Huber TD step, summing the loss the
// Keras way with ...this.model.losses, which in TF.js holds no regularizer terms (user mistake).
import * as tf from '@tensorflow/tfjs';

const HIDDEN = 24;
const L2 = 5e-4;

function buildQNetwork(regularized: boolean): tf.Sequential {
  const reg = regularized ? tf.regularizers.l2({ l2: L2 }) : undefined;
  const net = tf.sequential();
  net.add(tf.layers.dense({ units: HIDDEN, inputShape: [4], activation: 'relu', kernelRegularizer: reg })); // expect: WD103
  net.add(tf.layers.dense({ units: HIDDEN, activation: 'relu', kernelRegularizer: reg })); // expect: WD103
  net.add(tf.layers.dense({ units: 2, activation: 'linear' }));
  return net;
}

class RLAgent {
  private model: tf.Sequential;
  private targetModel: tf.Sequential;
  private optimizer: tf.Optimizer;
  private epsilon = 1.0;
  private epsilonDecay = 0.995;
  private epsilonMin = 0.01;
  private gamma = 0.99;
  private learningRate = 0.001;

  constructor() {
    this.model = buildQNetwork(true);
    this.targetModel = buildQNetwork(false);
    this.optimizer = tf.train.adam(this.learningRate);
    this.updateTargetModel();
  }

  trainBatch(states: number[][], actions: number[], rewards: number[], nextStates: number[][], dones: boolean[]): number {
    const s = tf.tensor2d(states);
    const a = tf.oneHot(tf.tensor1d(actions, 'int32'), 2);
    const target = tf.tidy(() => {
      const nextQ = (this.targetModel.predict(tf.tensor2d(nextStates)) as tf.Tensor).max(1);
      const notDone = tf.tensor1d(dones.map(d => (d ? 0 : 1)));
      return tf.tensor1d(rewards).add(nextQ.mul(notDone).mul(this.gamma));
    });

    const cost = this.optimizer.minimize(() => {
      const q = (this.model.predict(s) as tf.Tensor).mul(a).sum(1);
      const tdLoss = tf.losses.huberLoss(target, q);
      return tf.addN([tdLoss, ...(this.model.losses as unknown as tf.Tensor[])]) as tf.Scalar;
    }, true);

    const value = cost!.dataSync()[0];
    tf.dispose([s, a, target, cost!]);
    return value;
  }

  updateTargetModel() {
    this.targetModel.setWeights(this.model.getWeights());
  }

  act(state: number[]): number {
    if (Math.random() < this.epsilon) {
      return Math.floor(Math.random() * 2);
    }
    return tf.tidy(() => (this.model.predict(tf.tensor2d([state])) as tf.Tensor).argMax(1).dataSync()[0]);
  }

  decayEpsilon() {
    if (this.epsilon > this.epsilonMin) {
      this.epsilon *= this.epsilonDecay;
    }
  }
}

export default RLAgent;
