// Idiom seen in: poloclub/ganlab src/ganlab_models.ts
// Idiom seen in: poloclub/ganlab src/ganlab.ts
// What it reproduces: GANLab's raw-variable discriminator/generator with dOptimizer.minimize over
// dVariables; the user adds an L2 penalty on the discriminator weight matrices inside dLoss but the
// function still returns the bare adversarial loss, so the penalty is computed and dropped (user mistake).
import * as tf from '@tensorflow/tfjs-core';

export class GANLabModel {
  dVariables: tf.Variable[];
  gVariables: tf.Variable[];
  dOptimizer: tf.Optimizer;
  gOptimizer: tf.Optimizer;

  constructor(
    private noiseSize: number,
    private numDiscriminatorNeurons: number,
    private numGeneratorNeurons: number,
    private batchSize: number,
    private dWeightDecay: number,
    private lossType: string
  ) { }

  initializeModelVariables() {
    const init = (shape: number[], fanIn: number) =>
      tf.variable(tf.randomNormal(shape, 0, 1.0 / Math.sqrt(fanIn)));
    this.gVariables = [
      init([this.noiseSize, this.numGeneratorNeurons], this.noiseSize),
      tf.variable(tf.zeros([this.numGeneratorNeurons])),
      init([this.numGeneratorNeurons, 2], this.numGeneratorNeurons),
      tf.variable(tf.zeros([2])),
    ];
    this.dVariables = [
      init([2, this.numDiscriminatorNeurons], 2),
      tf.variable(tf.zeros([this.numDiscriminatorNeurons])),
      init([this.numDiscriminatorNeurons, 1], this.numDiscriminatorNeurons),
      tf.variable(tf.zeros([1])),
    ];
  }

  generator(noise: tf.Tensor2D): tf.Tensor2D {
    const [w0, b0, w1, b1] = this.gVariables;
    const h = noise.matMul(w0 as tf.Tensor2D).add(b0).relu() as tf.Tensor2D;
    return h.matMul(w1 as tf.Tensor2D).add(b1).tanh() as tf.Tensor2D;
  }

  discriminator(input: tf.Tensor2D): tf.Tensor1D {
    const [w0, b0, w1, b1] = this.dVariables;
    const h = input.matMul(w0 as tf.Tensor2D).add(b0).relu() as tf.Tensor2D;
    return h.matMul(w1 as tf.Tensor2D).add(b1).sigmoid().reshape([this.batchSize]) as tf.Tensor1D;
  }

  dLoss(truePred: tf.Tensor1D, generatedPred: tf.Tensor1D): tf.Scalar {
    const dWeights = [this.dVariables[0], this.dVariables[2]];
    const weightPenalty = tf.mul(this.dWeightDecay, tf.addN(dWeights.map(w => tf.sum(tf.square(w))))); // expect: WD104
    if (this.lossType === 'LeastSq loss') {
      return tf.add(
        truePred.sub(tf.scalar(1)).square().mean(),
        generatedPred.square().mean()
      ) as tf.Scalar;
    }
    const loss = tf.add(
      truePred.log().mean(),
      tf.sub(tf.scalar(1), generatedPred).log().mean()
    ).mul(tf.scalar(-1));
    return loss as tf.Scalar;
  }

  gLoss(generatedPred: tf.Tensor1D): tf.Scalar {
    return generatedPred.log().mean().mul(tf.scalar(-1)) as tf.Scalar;
  }

  updateOptimizer(dOrG: string, learningRate: number) {
    if (dOrG === 'D') {
      this.dOptimizer = tf.train.sgd(learningRate);
    } else {
      this.gOptimizer = tf.train.adam(learningRate, 0.9, 0.999);
    }
  }
}
