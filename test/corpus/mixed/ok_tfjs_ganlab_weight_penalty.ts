// Idiom seen in: poloclub/ganlab src/ganlab_models.ts
// What it reproduces: GANLab-style raw tf.variable discriminator trained with dOptimizer.minimize over
// dVariables; an L2 penalty on the discriminator weight matrices (not the biases) is built inside
// dLoss and added to the returned loss. Clean.
import * as tf from '@tensorflow/tfjs-core';

export class RegularizedDiscriminator {
  dVariables: tf.Variable[] = [];
  dOptimizer: tf.Optimizer;

  constructor(
    private numNeurons: number,
    private numLayers: number,
    private batchSize: number,
    private weightDecay: number,
    learningRate: number
  ) {
    this.dOptimizer = tf.train.sgd(learningRate);
    let fanIn = 2;
    for (let i = 0; i <= numLayers; ++i) {
      const out = i === numLayers ? 1 : numNeurons;
      this.dVariables.push(tf.variable(tf.randomNormal([fanIn, out], 0, 1.0 / Math.sqrt(fanIn))));
      this.dVariables.push(tf.variable(tf.zeros([out])));
      fanIn = out;
    }
  }

  discriminate(input: tf.Tensor2D): tf.Tensor1D {
    let h: tf.Tensor2D = input;
    for (let i = 0; i <= this.numLayers; ++i) {
      const w = this.dVariables[2 * i] as tf.Tensor2D;
      const b = this.dVariables[2 * i + 1];
      h = h.matMul(w).add(b) as tf.Tensor2D;
      h = (i === this.numLayers ? h.sigmoid() : h.relu()) as tf.Tensor2D;
    }
    return h.reshape([this.batchSize]) as tf.Tensor1D;
  }

  dLoss(truePred: tf.Tensor1D, generatedPred: tf.Tensor1D): tf.Scalar {
    const adversarial = tf.add(
      truePred.log().mean(),
      tf.sub(tf.scalar(1), generatedPred).log().mean()
    ).mul(tf.scalar(-1));
    const kernels = this.dVariables.filter((_, i) => i % 2 === 0);
    const penalty = tf.mul(this.weightDecay, tf.addN(kernels.map(w => tf.sum(tf.square(w)))));
    return tf.add(adversarial, penalty) as tf.Scalar;
  }

  step(trueBatch: tf.Tensor2D, fakeBatch: tf.Tensor2D): number {
    const cost = this.dOptimizer.minimize(() => {
      const truePred = this.discriminate(trueBatch);
      const fakePred = this.discriminate(fakeBatch);
      return this.dLoss(truePred, fakePred);
    }, true, this.dVariables);
    const v = cost ? cost.dataSync()[0] : 0;
    if (cost) cost.dispose();
    return v;
  }
}

const disc = new RegularizedDiscriminator(16, 2, 150, 1e-3, 0.1);
const real = tf.randomNormal([150, 2], 1, 0.2) as tf.Tensor2D;
const fake = tf.randomNormal([150, 2], -1, 0.5) as tf.Tensor2D;
for (let i = 0; i < 100; i++) {
  console.log(i, disc.step(real, fake));
}
