// Idiom seen in: quantuminformation/tensorflowjs-playground src/Playground.ts
// Idiom seen in: quantuminformation/tensorflowjs-playground api-examples/src/index.ts
// What it reproduces: a TS playground class training an L2-regularized tf.sequential with optimizer.minimize and adding
//   the terms the Keras way, tf.addN([dataLoss, ...model.losses]) (user addition); in TF.js model.losses does not hold
//   the layers' regularizer terms (model.calculateLosses() does), so the minimized loss carries no decay.
import * as tf from '@tensorflow/tfjs';
import { Visualiser } from './Visualiser';

const L2 = 5e-4;

export class Playground {
  private model: tf.Sequential;
  private optimizer: tf.Optimizer;
  private visualiser: Visualiser = new Visualiser(document.querySelector('#chartContainer'));

  constructor(private inputDim = 32, private numClasses = 3) {
    this.model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 64, inputShape: [this.inputDim], activation: 'relu', kernelRegularizer: tf.regularizers.l2({ l2: L2 }) }), // expect: WD103
        tf.layers.dense({ units: this.numClasses, kernelRegularizer: tf.regularizers.l2({ l2: L2 }) }), // expect: WD103
      ],
    });
    this.optimizer = tf.train.adam(1e-3);
  }

  trainStep(xs: tf.Tensor2D, ys: tf.Tensor2D): number {
    const cost = this.optimizer.minimize(() => {
      const logits = this.model.predict(xs) as tf.Tensor;
      const dataLoss = tf.losses.softmaxCrossEntropy(ys, logits);
      const regLosses = (this.model as any).losses as tf.Scalar[];
      return tf.addN([dataLoss, ...regLosses]) as tf.Scalar;
    }, true);
    const value = cost ? cost.dataSync()[0] : NaN;
    if (cost) {
      cost.dispose();
    }
    return value;
  }

  async train(xs: tf.Tensor2D, ys: tf.Tensor2D, steps = 200): Promise<void> {
    const history: number[] = [];
    for (let i = 0; i < steps; i++) {
      history.push(this.trainStep(xs, ys));
      await tf.nextFrame();
    }
    this.visualiser.plotLoss(history);
  }
}

const playground = new Playground();
const xs = tf.randomNormal([256, 32]) as tf.Tensor2D;
const ys = tf.oneHot(tf.randomUniform([256], 0, 3, 'int32') as tf.Tensor1D, 3) as tf.Tensor2D;
playground.train(xs, ys);
