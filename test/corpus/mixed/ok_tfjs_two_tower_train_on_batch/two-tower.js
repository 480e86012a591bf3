// Idiom seen in: repository not resolved by the code index (index file id 27793600844: class BaseTwoTower with
//   buildModel() overridden by subclasses, compileModel() with tf.train.adam and a manual batch loop over
//   this.model.trainOnBatch([userBatch, movieIdBatch, genreBatch], labelBatch)); same course family as
//   arahmani25/RecSys-LLMs Week-4 (two-tower.js)
// What it reproduces: a two-tower MovieLens recommender in TF.js layers: user and item embeddings with an
//   embeddingsRegularizer, dense towers with kernelRegularizer, dot-product score, sigmoid output; the combined
//   model is compiled once and trained batch by batch with trainOnBatch.
// label-note: clean. trainOnBatch trains a compiled LayersModel, whose training function adds the layers'
//   regularization losses to the compiled loss (like fit), so the L2 terms reach the optimizer; tf.train.adam has
//   no weight decay of its own and the regularizers cover embeddings and kernels only (no bias, no norm).
const tf = require('@tensorflow/tfjs-node');

class BaseTwoTower {
  constructor(embeddingDim, numUsers, numItems, numGenres, l2 = 1e-6) {
    Object.assign(this, { embeddingDim, numUsers, numItems, numGenres, l2 });
    this.model = null;
  }

  buildModel() {
    throw new Error('buildModel must be implemented by subclass');
  }

  compileModel() {
    this.model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  }

  async train(userIds, movieIds, genres, labels, epochs = 5, batchSize = 256) {
    if (!this.model) this.buildModel();
    const history = { loss: [], acc: [] };
    for (let epoch = 0; epoch < epochs; epoch++) {
      let epochLoss = 0, epochAcc = 0, batchCount = 0;
      for (let i = 0; i < userIds.shape[0]; i += batchSize) {
        const n = Math.min(batchSize, userIds.shape[0] - i);
        const batch = [userIds.slice([i], [n]), movieIds.slice([i], [n]), genres.slice([i, 0], [n, -1])];
        const labelBatch = labels.slice([i], [n]);
        const [loss, acc] = await this.model.trainOnBatch(batch, labelBatch);
        epochLoss += loss; epochAcc += acc; batchCount++;
        tf.dispose([...batch, labelBatch]);
      }
      history.loss.push(epochLoss / batchCount);
      history.acc.push(epochAcc / batchCount);
    }
    return history;
  }
}

class MLPTwoTower extends BaseTwoTower {
  buildModel() {
    const reg = () => tf.regularizers.l2({ l2: this.l2 });
    const userInput = tf.input({ shape: [1], dtype: 'int32' });
    const userEmb = tf.layers.embedding({ inputDim: this.numUsers, outputDim: 64, embeddingsRegularizer: reg() })
      .apply(userInput);
    const userHidden = tf.layers.dense({ units: 32, activation: 'relu', kernelRegularizer: reg() })
      .apply(tf.layers.flatten().apply(userEmb));
    const userVec = tf.layers.dense({ units: this.embeddingDim, kernelRegularizer: reg() }).apply(userHidden);

    const movieInput = tf.input({ shape: [1], dtype: 'int32' });
    const genreInput = tf.input({ shape: [this.numGenres] });
    const movieEmb = tf.layers.embedding({ inputDim: this.numItems, outputDim: 64, embeddingsRegularizer: reg() })
      .apply(movieInput);
    const genreHidden = tf.layers.dense({ units: 32, activation: 'relu', kernelRegularizer: reg() }).apply(genreInput);
    const combined = tf.layers.concatenate().apply([tf.layers.flatten().apply(movieEmb), genreHidden]);
    const itemVec = tf.layers.dense({ units: this.embeddingDim, kernelRegularizer: reg() }).apply(combined);

    const score = tf.layers.dot({ axes: 1 }).apply([userVec, itemVec]);
    const prediction = tf.layers.dense({ units: 1, activation: 'sigmoid' }).apply(score);
    this.userTower = tf.model({ inputs: userInput, outputs: userVec });
    this.itemTower = tf.model({ inputs: [movieInput, genreInput], outputs: itemVec });
    this.model = tf.model({ inputs: [userInput, movieInput, genreInput], outputs: prediction });
    this.compileModel();
  }
}

module.exports = { BaseTwoTower, MLPTwoTower };
