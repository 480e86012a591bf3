// Idiom seen in: botcs/label-delay demo/demo_fast.js
// What it reproduces: the same online linear probe (tf.variable weights, tf.train.sgd, minimize in
// updateModelParameters) with the L2 penalty on the weight matrix added to the cross entropy the closure returns. Clean.
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

  constructor(private weightDecay: number = WEIGHT_DECAY) {
    this.w = tf.variable(tf.randomNormal([NUM_FEATURES, NUM_CLASSES], 0, 0.01));
    this.b = tf.variable(tf.zeros([NUM_CLASSES]));
    this.optimizer = tf.train.sgd(LR);
  }

  updateModelParameters(batch: Batch): number {
    const loss = this.optimizer.minimize(() => {
      const logits = tf.add(tf.matMul(batch.feats, this.w), this.b);
      const ce = tf.losses.softmaxCrossEntropy(batch.labels, logits);
      const penalty = tf.mul(this.weightDecay, tf.sum(tf.square(this.w)));
      return tf.add(ce, penalty) as tf.Scalar;
    }, true);
    const value = loss!.dataSync()[0];
    loss!.dispose();
    return value;
  }
}

export function runProbe(batches: Batch[], epochs = 5): LinearProbe {
  const probe = new LinearProbe();
  for (let e = 0; e < epochs; e++) {
    for (const batch of batches) {
      const l = probe.updateModelParameters(batch);
      console.log(`epoch ${e}: loss ${l.toFixed(4)}`);
    }
  }
  return probe;
}
