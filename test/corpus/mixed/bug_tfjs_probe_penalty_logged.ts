// Idiom seen in: botcs/label-delay demo/demo_fast.js
// What it reproduces: online linear probe on frozen features (tf.variable weights, tf.train.sgd, minimize in
// updateModelParameters); the L2 penalty on the weights is computed inside the loss closure and only pushed to the
// stats panel, while the closure returns the bare cross entropy (WD104). Realistic user mistake in the repo's idiom.
import * as tf from '@tensorflow/tfjs';

const NUM_FEATURES = 64;
const NUM_CLASSES = 3;
const LR = 0.05;
const WEIGHT_DECAY = 5e-4;

interface Batch {
  feats: tf.Tensor2D;
  labels: tf.Tensor2D;
}

export class LinearProbe {
  w: tf.Variable;
  b: tf.Variable;
  optimizer: tf.Optimizer;
  stats: Array<{ ce: number; l2: number }> = [];

  constructor(private weightDecay: number = WEIGHT_DECAY) {
    this.w = tf.variable(tf.randomNormal([NUM_FEATURES, NUM_CLASSES], 0, 0.01));
    this.b = tf.variable(tf.zeros([NUM_CLASSES]));
    this.optimizer = tf.train.sgd(LR);
  }

  updateModelParameters(batch: Batch): void {
    this.optimizer.minimize(() => {
      const logits = tf.add(tf.matMul(batch.feats, this.w), this.b);
      const ce = tf.losses.softmaxCrossEntropy(batch.labels, logits);
      const penalty = tf.mul(this.weightDecay, tf.sum(tf.square(this.w))); // expect: WD104
      this.stats.push({ ce: ce.dataSync()[0], l2: penalty.dataSync()[0] });
      return ce as tf.Scalar;
    });
  }
}

export function runProbe(batches: Batch[], epochs = 5): LinearProbe {
  const probe = new LinearProbe();
  for (let e = 0; e < epochs; e++) {
    for (const batch of batches) {
      tf.tidy(() => probe.updateModelParameters(batch));
    }
  }
  return probe;
}
