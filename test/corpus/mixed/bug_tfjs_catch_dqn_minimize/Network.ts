// Idiom seen in: daylonblakely/tfjs-catch src/Model.ts
// Idiom seen in: daylonblakely/tfjs-catch src/Network.ts
// What it reproduces: the repo's Model extends tf.Sequential, here with kernelRegularizer l2 on its dense
// layers, and Network.train() (a user change; the repo calls model.fit) fits the Q-targets with
// optimizer.minimize on the bare MSE: the layers' regularization terms never join the minimized loss.
import * as tf from '@tensorflow/tfjs';
import { Model } from './Model';
import { ReplayMemory } from './ReplayMemory';

const MODEL_SAVE_PATH = 'indexeddb://tfjs-catch-v0';

type NetworkParams = { hiddenLayerSizes: number[]; inputSize: number; numActions: number };

export class Network {
  private model: Model;
  private optimizer: tf.Optimizer;
  private memory: ReplayMemory = new ReplayMemory(1000);
  private numActions: number;
  private batchSize = 128;
  private discountRate = 0.95;
  private learningRate = 0.001;

  constructor(params: NetworkParams) {
    this.numActions = params.numActions;
    this.model = new Model(params.inputSize, params.numActions, params.hiddenLayerSizes);
    this.optimizer = tf.train.adam(this.learningRate);
  }

  setBatchSize(batchSize: number) {
    this.batchSize = batchSize;
    return this;
  }

  setDiscountRate(discountRate: number) {
    this.discountRate = discountRate;
    return this;
  }

  // epsilon-greedy policy
  chooseAction(state: number[], eps: number): number {
    if (Math.random() < eps) {
      return Math.floor(Math.random() * this.numActions);
    }
    return tf.tidy(() => {
      const logits = this.model.predict(tf.tensor2d([state])) as tf.Tensor;
      return logits.argMax(1).dataSync()[0];
    });
  }

  remember(state: number[], action: number, reward: number, nextState: number[] | null) {
    this.memory.addSample([state, action, reward, nextState]);
  }

  // learn from memory
  train() {
    const batch = this.memory.sample(this.batchSize);
    const states = batch.map(([state]) => state);
    const nextStates = batch.map(([, , , nextState]) =>
      nextState ? nextState : new Array(this.model.inputSize).fill(0)
    );

    const yBatch = tf.tidy(() => {
      const qsa = (this.model.predict(tf.tensor2d(states)) as tf.Tensor).arraySync() as number[][];
      const qsad = (this.model.predict(tf.tensor2d(nextStates)) as tf.Tensor).max(1).arraySync() as number[];
      const targets = batch.map(([, action, reward, nextState], index) => {
        const targetQ = [...qsa[index]];
        targetQ[action] = nextState ? reward + this.discountRate * qsad[index] : reward;
        return targetQ;
      });
      return tf.tensor2d(targets, [targets.length, this.numActions]);
    });
    const xBatch = tf.tensor2d(states, [states.length, this.model.inputSize]);

    const loss = this.optimizer.minimize(() => {
      const predictions = this.model.predict(xBatch) as tf.Tensor;
      return tf.losses.meanSquaredError(yBatch, predictions) as tf.Scalar;
    }, true);

    const lossValue = loss ? loss.dataSync()[0] : NaN;
    tf.dispose([xBatch, yBatch, loss]);
    return lossValue;
  }

  async saveModel() {
    return await this.model.save(MODEL_SAVE_PATH);
  }
}
