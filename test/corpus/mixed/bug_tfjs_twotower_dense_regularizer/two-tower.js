// Idiom seen in: HafsaIdSaid386/week-4 two-tower.js
// Idiom seen in: HafsaIdSaid386/week-4 app.js
// What it reproduces: a two-tower recommender whose tower dense layers carry L2 kernel
// regularizers; trainStep minimizes an in-batch softmax loss that never adds the layers'
// regularization terms.
const tf = require('@tensorflow/tfjs');

class TwoTowerModel {
  constructor(numUsers, numItems, numGenres, embDim = 32, hiddenDim = 64) {
    this.userEmbedding = tf.variable(tf.randomNormal([numUsers, embDim], 0, 0.05));
    this.itemEmbedding = tf.variable(tf.randomNormal([numItems, embDim], 0, 0.05));
    this.genreWeights = tf.variable(tf.randomNormal([numGenres, embDim], 0, 0.05));

    this.userDense1 = tf.layers.dense({
      units: hiddenDim, activation: 'relu', inputShape: [embDim],
      kernelRegularizer: tf.regularizers.l2({l2: 1e-4}), // expect: WD103
    });
    this.userDense2 = tf.layers.dense({units: embDim, inputShape: [hiddenDim]});
    this.itemDense1 = tf.layers.dense({
      units: hiddenDim, activation: 'relu', inputShape: [embDim],
      kernelRegularizer: tf.regularizers.l2({l2: 1e-4}), // expect: WD103
    });
    this.itemDense2 = tf.layers.dense({units: embDim, inputShape: [hiddenDim]});
    this.optimizer = tf.train.adam(1e-3);
  }

  userForward(userIdx) {
    const emb = tf.gather(this.userEmbedding, userIdx);
    return this.userDense2.apply(this.userDense1.apply(emb));
  }

  itemForward(itemIdx, genreTensor) {
    const combined = tf.add(tf.gather(this.itemEmbedding, itemIdx), tf.matMul(genreTensor, this.genreWeights));
    return this.itemDense2.apply(this.itemDense1.apply(combined));
  }

  trainStep(userIdx, itemIdx, genreTensor) {
    return this.optimizer.minimize(() => {
      const u = this.userForward(userIdx);
      const v = this.itemForward(itemIdx, genreTensor);
      const logits = tf.matMul(u, v, false, true);
      const labels = tf.oneHot(tf.range(0, u.shape[0], 1, 'int32'), u.shape[0]);
      return tf.losses.softmaxCrossEntropy(labels, logits);
    }, true);
  }
}

module.exports = {TwoTowerModel};
