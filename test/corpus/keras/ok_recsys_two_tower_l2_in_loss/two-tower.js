// Idiom seen in: zunayeddd/RecSys-LLMs week4/two-tower.js
// What it reproduces: the course two-tower with tf.variable embedding tables trained through
//   optimizer.computeGradients(loss) / applyGradients; the loss closure adds an L2 penalty on the embeddings
//   of the batch (tf.mul(l2, tf.sum(tf.square(...)))) to the in-batch softmax loss. Clean.
/* global tf */

class TwoTowerModel {
  constructor(numUsers, numItems, embeddingDim, l2 = 1e-4) {
    this.numUsers = numUsers;
    this.numItems = numItems;
    this.embeddingDim = embeddingDim;
    this.l2 = l2;
    this.userEmbeddings = tf.variable(tf.randomNormal([numUsers, embeddingDim], 0, 0.05), true, 'user_embeddings');
    this.itemEmbeddings = tf.variable(tf.randomNormal([numItems, embeddingDim], 0, 0.05), true, 'item_embeddings');
    this.optimizer = tf.train.adam(0.001);
  }

  userForward(userIndices) {
    return tf.gather(this.userEmbeddings, userIndices);
  }

  itemForward(itemIndices) {
    return tf.gather(this.itemEmbeddings, itemIndices);
  }

  trainStep(userIndices, itemIndices) {
    return tf.tidy(() => {
      const userTensor = tf.tensor1d(userIndices, 'int32');
      const itemTensor = tf.tensor1d(itemIndices, 'int32');
      const loss = () => {
        const userEmbs = this.userForward(userTensor);
        const itemEmbs = this.itemForward(itemTensor);
        const logits = tf.matMul(userEmbs, itemEmbs, false, true);
        const labels = tf.oneHot(tf.range(0, userIndices.length, 1, 'int32'), userIndices.length);
        const ce = tf.losses.softmaxCrossEntropy(labels, logits);
        const penalty = tf.mul(this.l2, tf.add(tf.sum(tf.square(userEmbs)), tf.sum(tf.square(itemEmbs))));
        return tf.add(ce, penalty);
      };
      const { value, grads } = this.optimizer.computeGradients(loss);
      this.optimizer.applyGradients(grads);
      return value.dataSync()[0];
    });
  }

  getItemEmbeddings() {
    return this.itemEmbeddings.arraySync();
  }
}

window.TwoTowerModel = TwoTowerModel;
