// Idiom seen in: kmmsinan-creator/movierec Last/two-tower.js
// What it reproduces: the minimal in-batch-softmax two-tower, rewritten with tf.layers embedding towers that
//   carry embeddingsRegularizer; the trainStep closure adds every tower's calculateLosses() to the softmax
//   cross entropy before optimizer.minimize differentiates it. Clean.
import * as tf from '@tensorflow/tfjs';

export class TwoTowerModel {
  readonly userTower: tf.Sequential;
  readonly itemTower: tf.Sequential;
  private readonly optimizer: tf.Optimizer;

  constructor(readonly numUsers: number, readonly numItems: number, readonly embDim = 32, l2 = 1e-5, lr = 0.01) {
    this.userTower = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: numUsers, outputDim: embDim, inputLength: 1,
          embeddingsRegularizer: tf.regularizers.l2({ l2 }) }),
        tf.layers.flatten(),
      ],
    });
    this.itemTower = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: numItems, outputDim: embDim, inputLength: 1,
          embeddingsRegularizer: tf.regularizers.l2({ l2 }) }),
        tf.layers.flatten(),
      ],
    });
    this.optimizer = tf.train.adam(lr);
  }

  userForward(uIdx: tf.Tensor2D): tf.Tensor2D {
    return this.userTower.predict(uIdx) as tf.Tensor2D;
  }

  itemForward(iIdx: tf.Tensor2D): tf.Tensor2D {
    return this.itemTower.predict(iIdx) as tf.Tensor2D;
  }

  // In-batch softmax: logits = U @ I^T, the positive of row b is column b.
  trainStep(uIdx: tf.Tensor2D, iIdx: tf.Tensor2D): number {
    const cost = this.optimizer.minimize(() => {
      const uEmb = this.userForward(uIdx);
      const iEmb = this.itemForward(iIdx);
      const logits = tf.matMul(uEmb, iEmb, false, true);
      const labels = tf.oneHot(tf.range(0, logits.shape[0], 1, 'int32'), logits.shape[1]);
      const ce = tf.losses.softmaxCrossEntropy(labels, logits);
      const reg = [...this.userTower.calculateLosses(), ...this.itemTower.calculateLosses()];
      return tf.addN([ce, ...reg]) as tf.Scalar;
    }, true);
    const value = cost!.dataSync()[0];
    cost!.dispose();
    return value;
  }

  scoresForUser(uIdx: number): Float32Array {
    return tf.tidy(() => {
      const u = this.userForward(tf.tensor2d([[uIdx]], [1, 1], 'int32'));
      const all = this.itemForward(tf.range(0, this.numItems, 1, 'int32').reshape([-1, 1]) as tf.Tensor2D);
      return tf.matMul(u, all, false, true).dataSync() as Float32Array;
    });
  }
}

export async function trainTwoTower(pairs: Array<[number, number]>, numUsers: number, numItems: number,
                                    epochs = 5, batchSize = 512): Promise<TwoTowerModel> {
  const model = new TwoTowerModel(numUsers, numItems);
  for (let epoch = 0; epoch < epochs; epoch++) {
    tf.util.shuffle(pairs);
    for (let s = 0; s < pairs.length; s += batchSize) {
      const batch = pairs.slice(s, s + batchSize);
      const u = tf.tensor2d(batch.map((p) => [p[0]]), [batch.length, 1], 'int32');
      const i = tf.tensor2d(batch.map((p) => [p[1]]), [batch.length, 1], 'int32');
      const loss = model.trainStep(u, i);
      u.dispose();
      i.dispose();
      if (s === 0) console.log(`epoch ${epoch}: loss ${loss.toFixed(4)}`);
    }
    await tf.nextFrame();
  }
  return model;
}
